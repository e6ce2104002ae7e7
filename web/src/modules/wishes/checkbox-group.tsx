import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/cx.ts';

type Option = { value: string; label: ReactNode };

type Props = {
  /** The first checkbox's id (what an error summary links to); the others add `-${value}`. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  options: Option[];
  value: string[];
  onChange: (next: string[]) => void;
  /** Grid columns on wide screens. */
  columns?: 1 | 2 | 3 | 4;
  /** Heading size of the legend: a section (17) or a field inside a group (16). */
  legendSize?: 'section' | 'field';
  testId?: string;
};

const cols = { 1: '', 2: 'sm:grid-cols-2', 3: 'sm:grid-cols-2 lg:grid-cols-3', 4: 'sm:grid-cols-2 lg:grid-cols-4' } as const;

/** A multi-select as a fieldset of checkboxes: legend, hint and error read with each box; the chosen keep the options' order. */
export function CheckboxGroup({ id, legend, hint, error, required, options, value, onChange, columns = 3, legendSize = 'field', testId }: Props) {
  const { t } = useTranslation();
  const chosen = new Set(value);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (v: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(v);
    else next.delete(v);
    onChange(options.map((o) => o.value).filter((o) => next.has(o)));
  };
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy} data-testid={testId}>
      <legend className={cx('mb-1 text-solid-gray-900', legendSize === 'section' ? 'text-std-17B-170' : 'text-std-16B-170')}>
        {legend}
        {required === undefined ? null : (
          <span className={cx('ml-2 text-dns-14N-130', required ? 'text-error-2' : 'text-solid-gray-700')}>{required ? t('common.required') : t('common.optional')}</span>
        )}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-dns-16N-130 text-error-2">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      ) : null}
      <div className={cx('grid grid-cols-1 gap-x-6 gap-y-1', cols[columns], error ? 'rounded-8 border-2 border-error-1 p-3' : '')}>
        {options.map((o, i) => {
          const boxId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <label key={o.value} htmlFor={boxId} className="flex min-h-11 cursor-pointer items-center gap-3 text-std-16N-170">
              <input
                id={boxId}
                type="checkbox"
                value={o.value}
                className="size-5 shrink-0 accent-blue-900"
                checked={chosen.has(o.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
