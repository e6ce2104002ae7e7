import type { SelectHTMLAttributes } from 'react';
import { controlClass, describedBy, Field, type FieldChrome } from './field.tsx';
import { cx } from './cx.ts';

export type SelectProps = FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;

export function Select({ id, label, hint, error, status, required, className, liveMessages, children, ...select }: SelectProps) {
  const chrome = { id, label, hint, error, status, required };
  return (
    <Field {...chrome} className={className} liveMessages={liveMessages}>
      <div className="relative">
        <select
          id={id}
          name={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(chrome)}
          required={required}
          className={cx(controlClass(Boolean(error)), 'appearance-none pr-10')}
          {...select}
        >
          {children}
        </select>
        <svg
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-4 size-4 -translate-y-1/2 text-solid-gray-800"
          viewBox="0 0 16 16"
        >
          <path d="M2 5l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </div>
    </Field>
  );
}
