import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryFailurePage } from './status-pages.tsx';
import { useLang } from '../i18n.ts';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { closeInquiry, useInquiry } from '../modules/inquiries/inquiries.api.ts';
import { AgreementPanel, ContactsPanel } from '../modules/inquiries/inquiry-contacts.tsx';
import { askerLabel, InquiryForwardForm, InquiryMessages, InquiryReplyForm, InquiryStatusBadge, InquiryTimeline, ownerLabel } from '../modules/inquiries/inquiry-thread.tsx';
import { Alert } from '../ui/alert.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { formatDateTime } from '../ui/format.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

/** One inquiry: the sheet and the two sides, the timeline, the exchange of contacts, the messages, and what the caller may do. */
export function InquiryDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const location = useLocation();
  const state = useInquiry(id);
  const outcome = useOutcome();
  const q = state.data;
  usePageTitle(q ? q.subject : t('inquiries.title'));
  const asked = (location.state as { asked?: boolean } | null)?.asked === true;
  // A thread one may not see answers 404 (its existence is not revealed): the not-found page, not a retry box.
  if (state.error) return <QueryFailurePage error={state.error} title={t('inquiries.title')} onRetry={state.reload} />;
  return (
    <>
      <p className="mb-4">
        <Link to="/inquiries">{t('inquiries.back')}</Link>
      </p>
      {state.loading ? <Loading /> : null}
      {q ? (
        <>
          <PageHeading title={q.subject} />
          {asked ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('inquiries.ask.asked')}
            </Alert>
          ) : null}
          {outcome.view('inquiry-outcome')}
          <DescriptionList
            items={[
              {
                term: t('inquiries.sheet'),
                value: <Link to={`/wishes/${q.sheet.reference}`}>{t('inquiries.sheetLink', { reference: q.sheet.reference, title: q.sheet.title })}</Link>,
              },
              { term: t('inquiries.asker'), value: <span data-testid="inquiry-asker">{askerLabel(q, t, lang)}</span> },
              { term: t('inquiries.owner'), value: `${ownerLabel(q, lang)}${lang === 'ja' ? '（' : ' ('}${t(`inquiries.party.${q.owner.type}`)}${lang === 'ja' ? '）' : ')'}` },
              { term: t('inquiries.statusLabel'), value: <span data-testid="inquiry-status"><InquiryStatusBadge status={q.status} /></span> },
              { term: t('inquiries.mySide'), value: t(`inquiries.side.${q.mySide}`) },
              { term: t('inquiries.createdAt'), value: <time dateTime={q.createdAt}>{formatDateTime(q.createdAt, lang)}</time> },
            ]}
          />
          <section aria-labelledby="timeline-heading" className="mt-10">
            <SectionHeading id="timeline-heading">{t('inquiries.timeline.heading')}</SectionHeading>
            <InquiryTimeline inquiry={q} />
          </section>
          <AgreementPanel inquiry={q} outcome={outcome} onChanged={state.reload} />
          <ContactsPanel inquiry={q} />
          <section aria-labelledby="thread-heading" className="mt-10">
            <SectionHeading id="thread-heading">{t('inquiries.thread.heading', { count: q.messages.filter((m) => m.side !== 'system').length })}</SectionHeading>
            <InquiryMessages inquiry={q} />
          </section>
          {q.can.forward ? (
            <InquiryForwardForm
              inquiry={q}
              onForwarded={() => {
                outcome.show({ ok: (t) => t('inquiries.forward.done') });
                state.reload();
              }}
            />
          ) : null}
          {q.can.reply ? (
            <InquiryReplyForm
              key={q.status} // the default audience depends on the status
              inquiry={q}
              onPosted={() => {
                outcome.show({ ok: (t) => t('inquiries.reply.posted') });
                state.reload();
              }}
            />
          ) : null}
          {q.can.close ? (
            <div className="mt-10 border-t border-solid-gray-420 pt-6">
              <p className="mb-3 max-w-3xl text-std-16N-170 text-solid-gray-800">{t('inquiries.close.hint')}</p>
              <ConfirmAction
                label={t('inquiries.close.button')}
                question={t('inquiries.close.confirm')}
                confirm={t('inquiries.close.confirmYes')}
                variant="secondary"
                testId="close-inquiry"
                onConfirm={() => outcome.run(() => closeInquiry(q.id, q.version), (t) => t('inquiries.close.done'), state.reload)}
              />
            </div>
          ) : q.status === 'closed' ? (
            <p className="mt-8 text-std-16N-170 text-solid-gray-700">{t('inquiries.close.closedNote')}</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
