import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { cx } from '../../ui/cx.ts';
import { formatDate, formatWareki } from '../../ui/format.ts';
import type { CaseItem, CaseState } from './exchanges.api.ts';

// How a case's state, type and overdue review read on screen: always as text (with an icon where
// it warns); colour only repeats what the words say.

type Tone = 'blue' | 'green' | 'gray' | 'orange' | 'red' | 'purple';

const toneOf: Record<CaseState, Tone> = {
  consultation: 'gray',
  submitted: 'blue',
  under_review: 'blue',
  query_to_ministry: 'orange',
  informally_approved: 'purple',
  formal_application: 'blue',
  certified: 'purple',
  agreement_signed: 'purple',
  active: 'green',
  extended: 'green',
  returned: 'gray',
  ended_early: 'gray',
  withdrawn: 'gray',
  rejected: 'red',
};

const toneClass: Record<Tone, string> = {
  blue: 'border-blue-900 text-blue-1000 bg-blue-50',
  green: 'border-green-900 text-green-1000 bg-green-50',
  gray: 'border-solid-gray-600 text-solid-gray-800 bg-solid-gray-50',
  orange: 'border-orange-1000 text-orange-1100 bg-orange-50',
  red: 'border-error-2 text-error-2 bg-red-50',
  purple: 'border-purple-900 text-purple-1000 bg-purple-50',
};

export function StateBadge({ state, testId }: { state: CaseState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-state={state} className={cx('inline-block rounded-4 border px-1.5 py-0.5 align-middle text-dns-14B-120 whitespace-nowrap', toneClass[toneOf[state]])}>
      {t(`exchangeCases.state.${state}`)}
    </span>
  );
}

/** 交流派遣 / 交流採用（雇用継続型） */
export function directionLabel(t: (k: string) => string, c: Pick<CaseItem, 'direction' | 'hireType'>): string {
  if (c.direction === 'dispatch') return t('exchangeCases.direction.dispatch');
  return c.hireType ? t(`exchangeCases.directionWithType.${c.hireType}`) : t('exchangeCases.direction.hire');
}

/** The review is past its target without 内諾: a warning icon and the words, never colour alone. */
export function OverdueFlag({ due = null, testId }: { due?: string | null; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span data-testid={testId} className="inline-flex items-center gap-1 rounded-4 border border-error-2 bg-red-50 px-1.5 py-0.5 text-dns-14B-120 text-error-2">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 shrink-0 fill-current">
        <path d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z" />
      </svg>
      {due ? t('exchangeCases.overdueSince', { date: compactDate(due, lang) }) : t('exchangeCases.overdue')}
    </span>
  );
}

const enShort = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Tokyo' });

/** A date for narrow table cells: 令和9年3月1日 / 1 Mar 2027 (the ISO date is in the <time> element). */
export function compactDate(iso: string, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? formatWareki(iso) : enShort.format(new Date(`${iso}T00:00:00+09:00`));
}

export function CompactDate({ value }: { value: string }) {
  const lang = useLang();
  return <time dateTime={value}>{compactDate(value, lang)}</time>;
}

/** The unit and post (and the ministry, unless every case on the page is the reader's own ministry's). */
export function PartyNames({ c, showOrganisation = true }: { c: Pick<CaseItem, 'organisation' | 'unit' | 'postTitle'>; showOrganisation?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {showOrganisation ? <span className="block">{pick(lang, c.organisation.nameJa, c.organisation.nameEn)}</span> : null}
      <span className={showOrganisation ? 'block text-dns-14N-130 text-solid-gray-700' : 'block'}>
        {pick(lang, c.unit.nameJa, c.unit.nameEn)}
        {t('exchangeCases.sep')}
        {c.postTitle}
      </span>
    </>
  );
}

/** 令和8年4月1日（2026年4月1日）〜 令和10年3月31日（2028年3月31日）; compact: one date a line. */
export function Period({ start, end, compact }: { start: string; end: string; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (compact) {
    return (
      <>
        <span className="block whitespace-nowrap">
          <CompactDate value={start} />
          {t('exchangeCases.rangeSeparator')}
        </span>
        <span className="block whitespace-nowrap">
          <CompactDate value={end} />
        </span>
      </>
    );
  }
  return (
    <>
      <time dateTime={start}>{formatDate(start, lang)}</time>
      {t('exchangeCases.rangeSeparator')}
      <time dateTime={end}>{formatDate(end, lang)}</time>
    </>
  );
}
