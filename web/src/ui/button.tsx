import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';
export type ButtonSize = 'lg' | 'md' | 'sm';

const variants: Record<ButtonVariant, string> = {
  primary:
    'bg-blue-900 text-white border border-blue-900 hover:bg-blue-1000 hover:border-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300 disabled:border-solid-gray-300 disabled:text-solid-gray-50',
  secondary:
    'bg-white text-blue-900 border border-blue-900 hover:bg-blue-200 hover:text-blue-1000 hover:border-blue-1000 hover:underline active:bg-blue-300 disabled:border-solid-gray-300 disabled:text-solid-gray-300 disabled:bg-white',
  tertiary:
    'bg-transparent text-blue-900 border border-transparent underline underline-offset-[3px] hover:bg-blue-50 hover:text-blue-1000 hover:decoration-[3px] active:bg-blue-100 disabled:text-solid-gray-300',
  danger:
    'bg-white text-error-2 border border-error-2 hover:bg-red-50 hover:underline active:bg-red-100 disabled:border-solid-gray-300 disabled:text-solid-gray-300',
};

const sizes: Record<ButtonSize, string> = {
  lg: 'min-h-14 min-w-34 rounded-8 px-6 py-3 text-oln-16B-100',
  md: 'min-h-12 min-w-24 rounded-8 px-4 py-2 text-oln-16B-100',
  sm: 'min-h-9 min-w-20 rounded-6 px-3 py-1 text-oln-16B-100',
};

export const buttonClass = (variant: ButtonVariant = 'primary', size: ButtonSize = 'md'): string =>
  cx(
    'inline-flex items-center justify-center gap-2 no-underline transition-colors disabled:cursor-not-allowed',
    variants[variant],
    sizes[size],
  );

export type ButtonProps = ComponentPropsWithRef<'button'> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant = 'primary', size = 'md', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={cx(buttonClass(variant, size), className)} {...rest} />;
}
