import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';

/** Sets the document title to "<page> | <product>" while the page is shown. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} | ${suffix}` : suffix;
  }, [title, suffix]);
}

let headingFocusPending = false;

/**
 * After client-side navigation, focus moves to the new page's h1 so screen-reader users hear
 * where they are. Pages that load lazily show their heading later; it then takes focus itself.
 */
export function focusHeadingWhenShown(): void {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (h1) {
    h1.focus();
    headingFocusPending = false;
  } else {
    headingFocusPending = true;
  }
}

export function PageHeading({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (headingFocusPending) {
      headingFocusPending = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <div className="mb-8">
      <h1 ref={ref} tabIndex={-1} className="text-std-32B-150 text-solid-gray-900 focus:outline-none">
        {title}
      </h1>
      {lead ? <p className="mt-3 max-w-4xl text-std-16N-175 text-solid-gray-800">{lead}</p> : null}
      {children}
    </div>
  );
}

export function SectionHeading({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <h2 id={id} className={cx('mt-10 mb-4 border-l-8 border-blue-900 pl-3 text-std-24B-150 text-solid-gray-900', className)}>
      {children}
    </h2>
  );
}

export type BadgeTone = 'blue' | 'green' | 'gray' | 'orange' | 'purple';

const badgeTones: Record<BadgeTone, string> = {
  blue: 'border-blue-900 text-blue-1000 bg-blue-50',
  green: 'border-green-900 text-green-1000 bg-green-50',
  gray: 'border-solid-gray-600 text-solid-gray-800 bg-solid-gray-50',
  orange: 'border-orange-1000 text-orange-1100 bg-orange-50',
  purple: 'border-purple-900 text-purple-1000 bg-purple-50',
};

export function Badge({ tone = 'gray', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={cx('inline-block rounded-4 border px-1.5 py-0.5 align-middle text-dns-14B-120 whitespace-nowrap', badgeTones[tone])}>
      {children}
    </span>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="flex items-center gap-2 py-6 text-std-16N-170 text-solid-gray-700">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 animate-spin text-blue-900">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray="42 100" />
      </svg>
      {label ?? t('common.loading')}
    </p>
  );
}

export type DescriptionItem = { term: ReactNode; value: ReactNode };

export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="grid grid-cols-1 border-t border-solid-gray-420 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
      {items.map((item, i) => (
        <div key={i} className="contents">
          <dt className="border-b border-solid-gray-420 bg-solid-gray-50 px-4 py-3 text-dns-16B-130 text-solid-gray-900">{item.term}</dt>
          <dd className="border-b border-solid-gray-420 px-4 py-3 text-dns-16N-130 break-words">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
