import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
};

function pageWindow(page: number, pages: number): Array<number | 'gap'> {
  const set = new Set<number>([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...set].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

const item = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded-6 px-3 text-oln-16N-100';

export function Pagination({ page, pageSize, total, hrefFor }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} className="mt-6">
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)} rel="prev" className={cx(item, 'underline')}>
              {t('pagination.prev')}
            </Link>
          ) : null}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2 text-solid-gray-700">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={cx(item, 'bg-blue-900 font-bold text-white')}>
                  <span className="sr-only">{t('pagination.pageOf', { page: p })}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <Link to={hrefFor(p)} className={cx(item, 'underline')} aria-label={t('pagination.pageOf', { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link to={hrefFor(page + 1)} rel="next" className={cx(item, 'underline')}>
              {t('pagination.next')}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
