// One survey to answer (/surveys/:targetId): the form while the round accepts answers and the answer
// is not submitted; after submission a confirmation; after closing a read-only message.
import { useRef, useState, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { SurveyForm } from '../modules/surveys/survey-form.tsx';
import { isRecordId, saveDraft, submitAnswers, useMySurvey } from '../modules/surveys/surveys.api.ts';
import { Alert } from '../ui/alert.tsx';
import { DescriptionList, Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { SurveyStatusBadge } from './my-surveys.page.tsx';

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="mb-4 text-std-16N-170">
      <Link to="/surveys">{t('surveys.answer.back')}</Link>
    </p>
  );
}

export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { targetId } = useParams();
  const form = useMySurvey(targetId);
  const [submitted, setSubmitted] = useState<{ dropped: number } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  usePageTitle(form.data ? form.data.round.title[lang] : t('surveys.answer.title'));
  useEffect(() => {
    if (submitted) doneRef.current?.focus();
  }, [submitted]);

  if (!isRecordId(targetId) || form.error?.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeading title={t('surveys.answer.missingTitle')} lead={t('surveys.answer.missingBody')} />
      </>
    );
  }
  const d = form.data;
  return (
    <>
      <BackLink />
      {form.loading ? <Loading /> : null}
      {form.error ? <ErrorAlert error={form.error} title={t('errors.loadFailed')} onRetry={form.reload} /> : null}
      {d ? (
        <>
          <PageHeading title={d.round.title[lang]} lead={d.definition.description?.[lang]} />
          <div className="mb-8 max-w-5xl">
            <DescriptionList
              items={[
                { term: t('surveys.mine.respondent'), value: d.respondent[lang] },
                { term: t('surveys.answer.period'), value: `${formatDate(d.round.opensOn, lang)} – ${formatDate(d.round.closesOn, lang)}` },
                { term: t('surveys.mine.status'), value: <span data-testid="survey-status"><SurveyStatusBadge status={submitted ? 'submitted' : d.status} /></span> },
                { term: t('surveys.answer.privacy'), value: d.round.anonymous ? t('surveys.answer.anonymousNote') : t('surveys.answer.identifiedNote') },
              ]}
            />
          </div>
          {submitted ? (
            <Alert ref={doneRef} tone="success" title={t('surveys.answer.submittedTitle')} testId="survey-submitted">
              <p>{t('surveys.answer.submittedBody')}</p>
              {submitted.dropped ? <p>{t('surveys.answer.dropped', { count: submitted.dropped })}</p> : null}
              <p className="mt-2">
                <Link to="/surveys">{t('surveys.answer.back')}</Link>
              </p>
            </Alert>
          ) : d.status === 'submitted' ? (
            <>
              <Alert tone="success" title={t('surveys.answer.alreadySubmitted')} className="mb-6" testId="survey-already-submitted">
                {d.round.anonymous ? t('surveys.answer.anonymousNoCopy') : null}
              </Alert>
              {!d.round.anonymous && Object.keys(d.answers).length ? <SurveyForm definition={d.definition} attributes={d.attributes} initialAnswers={d.answers} mode="readonly" /> : null}
            </>
          ) : !d.round.acceptingAnswers ? (
            <>
              <Alert tone="warning" title={t('surveys.answer.closedTitle')} className="mb-6" testId="survey-closed">
                {t('surveys.answer.closedBody', { date: formatDate(d.round.closesOn, lang) })}
              </Alert>
              <SurveyForm definition={d.definition} attributes={d.attributes} initialAnswers={d.answers} mode="readonly" />
            </>
          ) : (
            <>
              {d.draftSavedAt ? <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('surveys.answer.draftFrom', { at: formatDateTime(d.draftSavedAt, lang) })}</p> : null}
              <SurveyForm
                definition={d.definition}
                attributes={d.attributes}
                initialAnswers={d.answers}
                mode="answer"
                onSaveDraft={(answers) => saveDraft(d.targetId, answers)}
                onSubmit={async (answers) => {
                  const r = await submitAnswers(d.targetId, answers);
                  setSubmitted({ dropped: r.dropped.length });
                  window.scrollTo(0, 0);
                }}
              />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
