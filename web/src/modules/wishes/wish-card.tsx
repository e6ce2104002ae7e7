import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicWishItem } from '../../../../common/src/schemas/wishes.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { formatDate } from '../../ui/format.ts';
import { ageBandLabel, fieldOfWorkLabel, formatYearMonth, joinLabels, WishKindBadge } from './wish-labels.tsx';
import { wishHref } from './wishes.api.ts';

/** 交流期間: "12〜24か月" or "24か月". */
export function usePeriodText() {
  const { t } = useTranslation();
  return (p: { min: number; max: number }) => (p.min === p.max ? t('wishes.period.exact', { months: p.min }) : t('wishes.period.range', { min: p.min, max: p.max }));
}

/** 開始時期: "2026年4月〜2026年10月" or one month. */
export function useStartText() {
  const { t } = useTranslation();
  const lang = useLang();
  return (s: { from: string; to: string }) =>
    s.from === s.to ? formatYearMonth(s.from, lang) : t('wishes.start.range', { from: formatYearMonth(s.from, lang), to: formatYearMonth(s.to, lang) });
}

/** The direction a sheet is about (a company sheet may be both). */
export function useDirectionText() {
  const { t } = useTranslation();
  return (d: PublicWishItem['direction']) => t(`wishes.direction.${d}`);
}

/** One published sheet in the listing: its heading links to the sheet. */
export function WishCard({ item }: { item: PublicWishItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const periodText = usePeriodText();
  const startText = useStartText();
  const directionText = useDirectionText();
  const headingId = `wish-${item.reference}`;
  const rows: Array<[string, string]> = [
    [t('wishes.sheet.fields'), joinLabels(item.fieldCodes.map((c) => fieldOfWorkLabel(c, lang)), lang)],
    [t('wishes.sheet.period'), periodText(item.periodMonths)],
    [t('wishes.sheet.start'), startText(item.start)],
    item.owner.side === 'company'
      ? [t('wishes.sheet.industry'), item.industries.length ? joinLabels(item.industries.map((i) => i[lang]), lang) : '—']
      : [t('wishes.sheet.industries'), item.industries.length ? joinLabels(item.industries.map((i) => i[lang]), lang) : t('wishes.sheet.anyIndustry')],
  ];
  if (item.ageBands.length) rows.push([t('wishes.sheet.ageBands'), joinLabels(item.ageBands.map((a) => ageBandLabel(a, lang)), lang)]);
  if (item.prefecture) rows.push([t('wishes.sheet.prefecture'), item.prefecture[lang]]);
  return (
    <article aria-labelledby={headingId} className="rounded-8 border border-solid-gray-420 bg-white p-5" data-testid="wish-card" data-reference={item.reference}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <WishKindBadge kind={item.kind} />
        <span className="text-dns-14N-130 text-solid-gray-700">{directionText(item.direction)}</span>
        <span className="text-dns-14N-130 text-solid-gray-700">{t('wishes.sheet.referenceShort', { reference: item.reference })}</span>
      </div>
      <h3 id={headingId} className="text-std-20B-150">
        <Link to={wishHref(item.reference)}>{item.title}</Link>
      </h3>
      <p className="mt-1 text-std-16B-170 text-solid-gray-800">
        <span className="sr-only">{t('wishes.sheet.owner')}：</span>
        {pick(lang, item.owner.nameJa, item.owner.nameEn)}
      </p>
      {item.summary ? <p className="mt-2 line-clamp-3 text-std-16N-170 text-solid-gray-800">{item.summary}</p> : null}
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-dns-16N-130 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold text-solid-gray-900">{term}</dt>
            <dd className="mb-1 sm:mb-0">{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-dns-14N-130 text-solid-gray-700">
        {t('wishes.sheet.publishedOn', { date: formatDate(item.publishedAt, lang) })}
        {item.expiresOn ? ` ・ ${t('wishes.sheet.expiresOnShort', { date: formatDate(item.expiresOn, lang) })}` : ''}
      </p>
    </article>
  );
}
