import { useTranslation } from 'react-i18next';
import { AGE_BANDS, FIELDS_OF_WORK, POSITION_LEVELS, type WishEffectiveStatus, type WishKind } from '../../../../common/src/schemas/wishes.schema.ts';
import type { Lang } from '../../i18n.ts';
import { Badge, type BadgeTone } from '../../ui/primitives.tsx';

// The words of the wish sheets (交流希望シート): the shared vocabularies come with their ja/en labels
// from common/src/schemas/wishes.schema.ts; kinds and statuses are UI copy (locales, "wishes.*").

type Vocabulary = readonly { code: string; ja: string; en: string }[];

const labeller = (list: Vocabulary) => {
  const m = new Map(list.map((x) => [x.code, x]));
  return (code: string | null | undefined, lang: Lang): string => {
    if (!code) return '';
    const x = m.get(code);
    return x ? x[lang] : code;
  };
};

export const fieldOfWorkLabel = labeller(FIELDS_OF_WORK);
export const ageBandLabel = labeller(AGE_BANDS);
export const positionLevelLabel = labeller(POSITION_LEVELS);

/** Options for a checkbox group or a select, in the vocabulary's order. */
export const vocabularyOptions = (list: Vocabulary, lang: Lang) => list.map((x) => ({ value: x.code, label: x[lang] }));

/** Labels joined with the language's list separator (、 or , ). */
export const joinLabels = (labels: string[], lang: Lang): string => labels.filter(Boolean).join(lang === 'ja' ? '、' : ', ');

export const WISH_KINDS = ['ministry_dispatch', 'ministry_hire', 'company'] as const satisfies readonly WishKind[];

const kindTone: Record<WishKind, BadgeTone> = { ministry_dispatch: 'blue', ministry_hire: 'green', company: 'purple' };

/** 交流派遣希望（府省等）・交流採用希望（府省等）・民間企業等の交流希望, as a badge with its words. */
export function WishKindBadge({ kind }: { kind: WishKind }) {
  const { t } = useTranslation();
  return <Badge tone={kindTone[kind]}>{t(`wishes.kind.${kind}`)}</Badge>;
}

/** The state an owner sees: 下書き・公開中・期限切れ (published, past its 掲載期限)・終了. */
export type WishDisplayStatus = WishEffectiveStatus;

const statusTone: Record<WishDisplayStatus, BadgeTone> = { draft: 'gray', published: 'green', closed: 'gray', expired: 'orange' };

/** 下書き・公開中・終了・期限切れ: the word carries the meaning, the colour only repeats it. */
export function WishStatusBadge({ status }: { status: WishDisplayStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`wishes.status.${status}`)}</Badge>;
}

/** A month 'YYYY-MM' as 2026年4月 / April 2026. */
export function formatYearMonth(ym: string | null | undefined, lang: Lang): string {
  if (!ym) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (lang === 'ja') return `${y}年${mo}月`;
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 1)));
}
