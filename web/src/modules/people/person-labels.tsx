import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { formatDate } from '../../ui/format.ts';
import { Badge } from '../../ui/primitives.tsx';
import { genders, type PersonKind } from './people.api.ts';

export function KindBadge({ kind }: { kind: PersonKind }) {
  const { t } = useTranslation();
  return <Badge tone={kind === 'official' ? 'blue' : 'green'}>{t(`people.kind.${kind}`)}</Badge>;
}

export function useGenderLabel(): (gender: string | null) => string {
  const { t } = useTranslation();
  return (gender) => (gender === null ? t('people.gender.notRecorded') : (genders as readonly string[]).includes(gender) ? t(`people.gender.${gender}`) : gender);
}

/** A date in 和暦 with the Western form (Japanese) or the English form with ISO; a dash when unknown. */
export function DateText({ value }: { value: string | null }) {
  const lang = useLang();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDate(value, lang)}</time>;
}
