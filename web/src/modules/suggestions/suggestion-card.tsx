import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Badge } from '../../ui/primitives.tsx';
import { cx } from '../../ui/cx.ts';
import type { SuggestionItem } from './suggestions.api.ts';

const percent = (x: number) => Math.round(x * 100);

/** A bar with its number written beside it: the length repeats the text, never replaces it. */
export function ScoreBar({ value, label, size = 'md' }: { value: number; label: string; size?: 'md' | 'sm' }) {
  const pct = percent(value);
  return (
    <div className="flex items-center gap-3">
      <div aria-hidden="true" className={cx('w-40 shrink-0 overflow-hidden rounded-full border border-solid-gray-536 bg-solid-gray-50', size === 'md' ? 'h-4' : 'h-2.5')}>
        <div className="h-full bg-blue-900" style={{ width: `${pct}%` }} />
      </div>
      <span className={size === 'md' ? 'text-dns-16B-130 tabular-nums' : 'text-dns-14N-130 tabular-nums'}>{label}</span>
    </div>
  );
}

/** One suggestion: the other sheet (linked to its public page), the total, and each term with its weight and sentence. */
export function SuggestionCard({ item, rank, headingLevel = 3 }: { item: SuggestionItem; rank: number | null; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const H = `h${headingLevel}` as const;
  const owner = pick(lang, item.sheet.ownerNameJa, item.sheet.ownerNameEn);
  const headingId = `suggestion-${item.sheet.id}`;
  return (
    <article aria-labelledby={headingId} className={cx('rounded-8 border bg-white p-5', item.barred ? 'border-solid-gray-536 bg-solid-gray-50' : 'border-solid-gray-420')} data-testid="suggestion">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <H id={headingId} className="text-std-18B-160">
          {rank !== null ? <span className="mr-2 text-solid-gray-700">{t('suggestions.rank', { rank })}</span> : null}
          <Link to={`/wishes/${item.sheet.reference}`}>{item.sheet.title}</Link>
        </H>
        {item.barred ? <Badge tone="gray">{t('suggestions.barredBadge')}</Badge> : null}
      </div>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">
        {owner} <span className="text-solid-gray-700">{lang === 'ja' ? `（${item.sheet.reference}）` : `(${item.sheet.reference})`}</span>
      </p>
      <div className="mt-3">
        <p className="mb-1 text-dns-16B-130">{t('suggestions.total')}</p>
        <ScoreBar value={item.score} label={t('suggestions.score', { score: percent(item.score) })} />
      </div>
      {item.barred ? (
        <div className="mt-4 rounded-8 border-l-4 border-solid-gray-700 bg-white px-4 py-3" data-testid="barred-reason">
          <p className="text-dns-16B-130">{t('suggestions.barredBecause')}</p>
          <ul className="mt-2 list-disc pl-6 text-std-16N-170">
            {item.barred.rules.map((r) => (
              <li key={r.ruleId}>
                <strong>{r.title[lang]}</strong>
                {lang === 'ja' ? '：' : ': '}
                {r.reason[lang]}
                {r.earliestPassDate ? <span className="block text-solid-gray-700">{t('suggestions.passFrom', { date: r.earliestPassDate })}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.cautions.length ? (
        <ul className="mt-4 flex flex-col gap-2" aria-label={t('suggestions.cautions')}>
          {item.cautions.map((c) => (
            <li key={c.code} className="rounded-8 border-l-4 border-warning-orange-2 bg-orange-50 px-4 py-2 text-std-16N-170">
              <strong>{t(`suggestions.caution.${c.code}`)}</strong>
              {lang === 'ja' ? '：' : ': '}
              {c.message[lang]}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="mt-4" open={rank !== null && rank <= 3}>
        <summary className="cursor-pointer text-dns-16B-130 text-blue-900 underline">{t('suggestions.breakdown')}</summary>
        <table className="mt-2 w-full border-collapse text-left text-dns-16N-130">
          <caption className="sr-only">{t('suggestions.breakdownCaption', { title: item.sheet.title })}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-solid-gray-420 py-2 pr-3">{t('suggestions.term')}</th>
              <th scope="col" className="border-b border-solid-gray-420 py-2 pr-3">{t('suggestions.weight')}</th>
              <th scope="col" className="border-b border-solid-gray-420 py-2 pr-3">{t('suggestions.value')}</th>
              <th scope="col" className="border-b border-solid-gray-420 py-2">{t('suggestions.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {item.terms.map((term) => (
              <tr key={term.term}>
                <th scope="row" className="border-b border-solid-gray-200 py-2 pr-3 align-top whitespace-nowrap">{t(`suggestions.terms.${term.term}`)}</th>
                <td className="border-b border-solid-gray-200 py-2 pr-3 align-top tabular-nums">{`${percent(term.weight)}%`}</td>
                <td className="border-b border-solid-gray-200 py-2 pr-3 align-top">
                  {term.value === null ? t('suggestions.notApplicable') : <ScoreBar size="sm" value={term.value} label={`${percent(term.value)}%`} />}
                </td>
                <td className="border-b border-solid-gray-200 py-2 align-top">{term.message[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}
