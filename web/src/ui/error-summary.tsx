import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** `onActivate` runs after the link has focused its field (e.g. to select the bad part of a long text). */
export type SummaryItem = { fieldId?: string; message: string; onActivate?: (field: HTMLElement) => void };

type Props = {
  title?: string;
  items: SummaryItem[];
  /** Changes on every failed submit so that the summary takes focus again. */
  focusKey?: number;
};

function focusField(e: MouseEvent<HTMLAnchorElement>, item: SummaryItem) {
  e.preventDefault();
  const el = document.getElementById(item.fieldId!);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  item.onActivate?.(el);
}

export function ErrorSummary({ title, items, focusKey }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page with several forms may show more than one.
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  if (items.length === 0 && !title) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      data-testid="error-summary"
      aria-labelledby={titleId}
      className="mb-8 rounded-8 border-2 border-error-1 bg-white p-4 sm:p-6"
    >
      <h2 id={titleId} className="flex items-center gap-2 text-std-20B-150 text-error-2">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0 fill-current">
          <path d="M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z" />
        </svg>
        {title ?? t('errorSummary.title', { count: items.length })}
      </h2>
      {items.length > 0 ? (
      <ul className="mt-3 list-disc space-y-1 pl-8">
        {items.map((item, i) => (
          <li key={`${item.fieldId ?? 'form'}-${i}`} className="text-std-16N-170">
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(e) => focusField(e, item)} className="text-error-2 visited:text-error-2 hover:text-error-2">
                {item.message}
              </a>
            ) : (
              <span className="text-error-2">{item.message}</span>
            )}
          </li>
        ))}
      </ul>
      ) : null}
    </div>
  );
}
