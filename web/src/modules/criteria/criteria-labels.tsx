import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang, type Lang } from '../../i18n.ts';
import { cx } from '../../ui/cx.ts';
import { formatDate, formatNumber, formatYen } from '../../ui/format.ts';
import type { Citation, Outcome, ScreeningStatus } from './criteria.api.ts';

// Outcome, verdict and status are told by text and an icon; the colour only repeats them.
type Look = 'good' | 'bad' | 'unknown' | 'neutral';

const looks: Record<Look, { box: string; icon: string; path: string }> = {
  good: {
    box: 'border-green-900 bg-green-50 text-green-1000',
    icon: 'text-success-2',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm-2 15l-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9z',
  },
  bad: {
    box: 'border-error-2 bg-red-50 text-error-2',
    icon: 'text-error-2',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm4.3 12.9l-1.4 1.4L12 13.4l-2.9 2.9-1.4-1.4 2.9-2.9-2.9-2.9 1.4-1.4 2.9 2.9 2.9-2.9 1.4 1.4-2.9 2.9 2.9 2.9z',
  },
  unknown: {
    box: 'border-orange-1000 bg-orange-50 text-orange-1100',
    icon: 'text-orange-1000',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm1 17h-2v-2h2v2zm2.1-7.7l-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3c.4-.3.6-.8.6-1.4a2 2 0 00-4 0H8a4 4 0 018 0c0 .9-.4 1.7-.9 2.3z',
  },
  neutral: {
    box: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
    icon: 'text-solid-gray-700',
    path: 'M12 2a10 10 0 100 20 10 10 0 000-20zm5 11H7v-2h10v2z',
  },
};

const outcomeLook: Record<Outcome, Look> = { pass: 'good', fail: 'bad', indeterminate: 'unknown', not_applicable: 'neutral' };
const statusLook: Record<ScreeningStatus, Look> = { open: 'good', barred: 'bad', needs_review: 'unknown' };

export function LookIcon({ look, className }: { look: Look; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={cx('shrink-0 fill-current', looks[look].icon, className ?? 'size-5')}>
      <path d={looks[look].path} />
    </svg>
  );
}

function LookBadge({ look, children, testId }: { look: Look; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} className={cx('inline-flex items-center gap-1 rounded-4 border px-2 py-0.5 align-middle text-dns-14B-120 whitespace-nowrap', looks[look].box)}>
      <LookIcon look={look} className="size-4" />
      {children}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <LookBadge look={outcomeLook[outcome]} testId={`outcome-${outcome}`}>
      {t(`criteria.outcome.${outcome}`)}
    </LookBadge>
  );
}

export function ScreeningStatusBadge({ status }: { status: ScreeningStatus }) {
  const { t } = useTranslation();
  return <LookBadge look={statusLook[status]}>{t(`criteria.screening.status.${status}`)}</LookBadge>;
}

export const overallLook = { eligible: 'good', ineligible: 'bad', needs_review: 'unknown' } as const satisfies Record<string, Look>;
export const lookBox = (look: Look) => looks[look].box;

/** A date in 和暦 with the Western form (Japanese) or the English form with ISO. */
export function CriteriaDate({ value }: { value: string }) {
  const lang = useLang();
  return <time dateTime={value}>{formatDate(value, lang)}</time>;
}

/** 20,000,000円（2,000万円）: the pamphlet writes amounts in 万 and 億. */
function yenJa(v: number): string {
  const full = formatYen(v, 'ja');
  if (v < 10_000 || v % 10_000 !== 0) return full;
  const oku = Math.floor(v / 100_000_000);
  const man = (v % 100_000_000) / 10_000;
  const short = `${oku ? `${formatNumber(oku, 'ja')}億` : ''}${man ? `${formatNumber(man, 'ja')}万` : ''}円`;
  return `${full}（${short}）`;
}

type ValueContext = { lang: Lang; t: (key: string, opts?: Record<string, unknown>) => string; exists: (key: string) => boolean; legalType: (code: string) => string };

function codeLabel(code: string, ctx: ValueContext): string {
  const key = `criteria.codes.${code}`;
  return ctx.exists(key) ? ctx.t(key) : code;
}

/** A parameter value in words: yen with separators, percentages, years, counts, lists of codes. */
export function formatParameterValue(value: unknown, unit: string, ctx: ValueContext): ReactNode {
  if (typeof value === 'number') {
    const n = formatNumber(value, ctx.lang);
    switch (unit) {
      case 'yen':
        return <span className="whitespace-nowrap">{ctx.lang === 'ja' ? yenJa(value) : formatYen(value, 'en')}</span>;
      case 'percent':
        return `${n}%`;
      case 'years':
        return ctx.t('criteria.units.yearsValue', { count: value, formatted: n });
      case 'count':
        return ctx.t('criteria.units.countValue', { count: value, formatted: n });
      case 'persons':
        return ctx.t('criteria.units.personsValue', { count: value, formatted: n });
      default:
        return n;
    }
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => {
      if (typeof v === 'string') return { key: v, label: codeLabel(v, ctx), starred: false };
      if (v && typeof v === 'object' && 'code' in v && typeof v.code === 'string') {
        const starred = 'starred' in v && v.starred === true;
        return { key: v.code, label: ctx.legalType(v.code), starred };
      }
      return { key: JSON.stringify(v), label: JSON.stringify(v), starred: false };
    });
    const star = (starred: boolean) =>
      starred ? (
        <>
          <span aria-hidden="true">{ctx.lang === 'ja' ? '＊' : '*'}</span>
          <span className="sr-only">{ctx.t('criteria.units.starred')}</span>
        </>
      ) : null;
    // A long list (the eligible entity types) reads best one item a line; a short one inline. `relative`
    // keeps the screen-reader-only text inside the scrolling table rather than widening the page.
    if (items.length > 5) {
      return (
        <ul className="relative list-disc space-y-0.5 pl-5 break-keep">
          {items.map((it) => (
            <li key={it.key}>
              {it.label}
              {star(it.starred)}
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ul className="relative inline break-keep">
        {items.map((it, i) => (
          <li key={it.key} className="inline">
            {it.label}
            {star(it.starred)}
            {i < items.length - 1 ? (ctx.lang === 'ja' ? '、' : ', ') : ''}
          </li>
        ))}
      </ul>
    );
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Display text of a citation: drops the internal "(verify)" marker (shown as a badge) and references to
 * source-file lines. Citation notes are maintainers' English remarks and are not shown.
 */
export const citationArticle = (c: Citation): string => (c.article ?? '').replace(/\s*\(verify\)/gi, '').trim();
export const citationPage = (c: Citation): string => (c.page ?? '').replace(/\s*\((?:seed [^)]*|lines? [\d\s,–-]+)\)/g, '').trim();

export function CitationView({ citation }: { citation: Citation }) {
  const { t } = useTranslation();
  const article = citationArticle(citation);
  const page = citationPage(citation);
  return (
    <div className="flex flex-col gap-1 text-std-16N-170">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span lang="ja" className="font-bold text-solid-gray-900">
          {citation.instrument}
        </span>
        {article ? <span lang="ja">{article}</span> : null}
        {citation.verified ? (
          <LookBadge look="good">{t('criteria.citation.verified')}</LookBadge>
        ) : (
          <LookBadge look="unknown">{t('criteria.citation.unverified')}</LookBadge>
        )}
      </p>
      {page ? (
        <p className="text-dns-14N-130 leading-170 text-solid-gray-700">
          {t('criteria.citation.page')}
          <span lang="ja">{page}</span>
        </p>
      ) : null}
      {citation.quote ? (
        <blockquote lang="ja" className="mt-1 border-l-4 border-solid-gray-420 bg-solid-gray-50 px-3 py-2 text-std-16N-170 text-solid-gray-800">
          {citation.quote}
        </blockquote>
      ) : null}
    </div>
  );
}

/** A rule's own citations and those of the parameters it used, each once; a bare citation gives way to the same one with a quote. */
export function mergeCitations(groups: Citation[][]): Citation[] {
  const all = groups.flat();
  const key = (c: Citation) => `${c.instrument}|${c.article ?? ''}|${c.page ?? ''}`;
  const withQuote = new Set(all.filter((c) => c.quote).map(key));
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of all) {
    if (!c.quote && withQuote.has(key(c))) continue;
    const k = `${key(c)}|${c.quote ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}
