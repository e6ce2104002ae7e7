import type { ReactNode, Ref } from 'react';
import { cx } from './cx.ts';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, { box: string; icon: string; path: string }> = {
  info: {
    box: 'border-blue-900 bg-blue-50',
    icon: 'text-blue-900',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
  },
  success: {
    box: 'border-success-2 bg-green-50',
    icon: 'text-success-2',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm-2 15l-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9z',
  },
  warning: {
    box: 'border-warning-orange-2 bg-orange-50',
    icon: 'text-warning-orange-2',
    path: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  },
  error: {
    box: 'border-error-1 bg-red-50',
    icon: 'text-error-2',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z',
  },
};

type Props = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** 'alert' interrupts screen readers; use it only for results the user is waiting for. */
  live?: 'polite' | 'assertive' | 'off';
  className?: string;
  ref?: Ref<HTMLDivElement>;
  testId?: string;
};

export function Alert({ tone = 'info', title, children, live = 'off', className, ref, testId }: Props) {
  const style = tones[tone];
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div ref={ref} role={role} tabIndex={ref ? -1 : undefined} data-testid={testId} className={cx('flex gap-3 rounded-8 border-2 p-4', style.box, className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className={cx('mt-0.5 size-6 shrink-0 fill-current', style.icon)}>
        <path d={style.path} />
      </svg>
      <div className="min-w-0 flex-1">
        {title ? <p className="text-std-17B-170 text-solid-gray-900">{title}</p> : null}
        {children ? <div className="text-std-16N-170 text-solid-gray-800">{children}</div> : null}
      </div>
    </div>
  );
}
