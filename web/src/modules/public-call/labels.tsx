import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/primitives.tsx';
import type { ApplicationStatus } from './public-call.api.ts';

const statusTone: Record<ApplicationStatus, BadgeTone> = { submitted: 'blue', accepted: 'green', returned: 'orange', withdrawn: 'gray' };

/** 審査中・受理・差戻し・取下げ */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`publicCall.status.${status}`)}</Badge>;
}

/** The directions an applicant wants, as text (交流派遣・交流採用). */
export function useDirectionsText() {
  const { t } = useTranslation();
  return (a: { wantsDispatch: boolean; wantsHire: boolean }) =>
    [a.wantsDispatch ? t('criteria.direction.dispatch') : null, a.wantsHire ? t('criteria.direction.hire') : null].filter(Boolean).join(t('publicCall.listSeparator'));
}

/** Free text as written (line breaks kept), or a dash when empty. */
export function Prose({ text }: { text: string | null | undefined }) {
  return text ? <span className="whitespace-pre-line">{text}</span> : <span>—</span>;
}
