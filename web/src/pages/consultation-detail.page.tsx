import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { ConsultationMessages, ReplyForm } from '../modules/public-call/consultation-thread.tsx';
import { closeConsultation, useConsultation } from '../modules/public-call/public-call.api.ts';
import { formatDateTime } from '../ui/format.ts';
import { Badge, DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Alert } from '../ui/alert.tsx';

/** One consultation: who and with whom, the messages, and (for its two parties while open) reply and close. */
export function ConsultationDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const location = useLocation();
  const state = useConsultation(id);
  const outcome = useOutcome();
  const c = state.data;
  usePageTitle(c ? c.subject : t('publicCall.consultations.title'));
  const opened = (location.state as { opened?: boolean } | null)?.opened === true;
  return (
    <>
      <p className="mb-4">
        <Link to="/consultations">{t('publicCall.consultations.back')}</Link>
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {c ? (
        <>
          <PageHeading title={c.subject} />
          {opened ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('publicCall.consultations.opened')}
            </Alert>
          ) : null}
          <DescriptionList
            items={[
              { term: t('publicCall.company'), value: c.companyName },
              { term: t('publicCall.consultations.ministry'), value: pick(lang, c.organisationNameJa, c.organisationNameEn) },
              { term: t('publicCall.statusLabel'), value: <Badge tone={c.status === 'open' ? 'blue' : 'gray'}>{t(`publicCall.consultations.status.${c.status}`)}</Badge> },
              { term: t('publicCall.consultations.startedAt'), value: <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time> },
            ]}
          />
          <section aria-labelledby="thread-heading">
            <SectionHeading id="thread-heading">{t('publicCall.consultations.threadHeading', { count: c.messages.length })}</SectionHeading>
            {outcome.view('consultation-outcome')}
            <ConsultationMessages consultation={c} />
          </section>
          {c.canPost ? (
            <>
              <ReplyForm
                consultation={c}
                onPosted={() => {
                  outcome.show({ ok: (t) => t('publicCall.consultations.posted') });
                  state.reload();
                }}
              />
              <div className="mt-10 border-t border-solid-gray-420 pt-6">
                <p className="mb-3 max-w-3xl text-std-16N-170 text-solid-gray-800">{t('publicCall.consultations.closeHint')}</p>
                <ConfirmAction
                  label={t('publicCall.consultations.close')}
                  question={t('publicCall.consultations.confirmClose')}
                  confirm={t('publicCall.consultations.confirmCloseYes')}
                  variant="secondary"
                  testId="close-consultation"
                  onConfirm={() => outcome.run(() => closeConsultation(c.id), (t) => t('publicCall.consultations.closed'), state.reload)}
                />
              </div>
            </>
          ) : c.status === 'closed' ? (
            <p className="mt-8 text-std-16N-170 text-solid-gray-700">{t('publicCall.consultations.closedNote')}</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
