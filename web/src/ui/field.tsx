import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';

export type FieldChrome = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  status?: ReactNode;
  required?: boolean;
  className?: string;
  /** Announce status and error changes as they happen (for instant checks while typing). */
  liveMessages?: boolean;
};

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;
export const statusId = (id: string) => `${id}-status`;

export function describedBy({ id, hint, error, status }: FieldChrome): string | undefined {
  const ids = [hint ? hintId(id) : null, status && !error ? statusId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export const controlClass = (invalid: boolean) =>
  cx(
    'block w-full rounded-8 border bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 placeholder:text-solid-gray-536',
    'hover:border-black disabled:bg-solid-gray-50 disabled:border-solid-gray-300 disabled:text-solid-gray-536',
    invalid ? 'border-error-1 border-2' : 'border-solid-gray-600',
  );

/** Label, hint, control and messages in the DADS order; the control is passed as children. */
export function Field({ id, label, hint, error, status, required, className, liveMessages, children }: FieldChrome & { children: ReactNode }) {
  const { t } = useTranslation();
  const messages = (
    <>
      {status && !error ? (
        <p id={statusId(id)} className="text-dns-16N-130 text-success-2">
          <span aria-hidden="true">✓ </span>
          {status}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className="text-dns-16N-130 text-error-2">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      ) : null}
    </>
  );
  return (
    <div className={cx('flex flex-col gap-2', className)}>
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
        {label}
        {required === undefined ? null : (
          <span className={cx('ml-2 text-dns-14N-130', required ? 'text-error-2' : 'text-solid-gray-700')}>
            {required ? t('common.required') : t('common.optional')}
          </span>
        )}
      </label>
      {hint ? (
        <p id={hintId(id)} className="text-dns-14N-130 leading-150 text-solid-gray-700">
          {hint}
        </p>
      ) : null}
      {children}
      {liveMessages ? <div aria-live="polite">{messages}</div> : messages}
    </div>
  );
}
