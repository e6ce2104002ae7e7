// One survey round (NPA, /admin/surveys/:id): its settings, open / close, who was asked and who has
// answered, and the questionnaire as respondents see it (preview, every question with its display
// condition). /admin/surveys/preview/:key/:version previews a definition before a round uses it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { SurveyForm } from '../modules/surveys/survey-form.tsx';
import { isRecordId, patchRound, roundAction, useDefinition, useRound, useTargets, type SurveyRound } from '../modules/surveys/surveys.api.ts';
import { Button } from '../ui/button.tsx';
import { TextField } from '../ui/text-field.tsx';
import { Alert } from '../ui/alert.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { responsesText } from '../modules/surveys/survey-text.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { RoundStateBadge } from './survey-rounds.page.tsx';

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="mb-4 text-std-16N-170">
      <Link to="/admin/surveys">{t('surveys.rounds.back')}</Link>
    </p>
  );
}

export function SurveyRoundPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const location = useLocation();
  const query = useRound(id);
  const [current, setCurrent] = useState<SurveyRound | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? 'created' : null);
  const round = current && query.data && current.id === query.data.id && current.version >= query.data.version ? current : (query.data ?? null);
  const targets = useTargets(id);
  const definition = useDefinition(round?.definition.key ?? null, round?.definition.version ?? null);
  const [showPreview, setShowPreview] = useState(false);
  usePageTitle(round ? round.title[lang] : t('surveys.round.title'));

  if (!isRecordId(id) || query.error?.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeading title={t('surveys.round.missing')} />
      </>
    );
  }
  const act = async (action: 'open' | 'close') => {
    if (!round) return;
    setActionError(null);
    try {
      setCurrent(await roundAction(round.id, action, round.version));
      setDone(action === 'open' ? 'opened' : 'closed');
      targets.reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', { ja: t('errors.unexpected'), en: t('errors.unexpected') }));
    }
  };
  return (
    <>
      <BackLink />
      {query.loading && !round ? <Loading /> : null}
      {query.error ? <ErrorAlert error={query.error} title={t('errors.loadFailed')} onRetry={query.reload} /> : null}
      {round ? (
        <>
          <PageHeading title={round.title[lang]} />
          {done ? (
            <Alert tone="success" live="polite" className="mb-6" testId="round-outcome">
              {t(`surveys.round.outcome.${done}`)}
            </Alert>
          ) : null}
          {actionError ? <ErrorAlert error={actionError} title={t('surveys.round.actionFailed')} /> : null}
          <div className="mb-6 max-w-4xl" data-testid="round-state" data-state={round.state}>
            <DescriptionList
              items={[
                { term: t('surveys.rounds.state'), value: <RoundStateBadge state={round.state} /> },
                { term: t('surveys.round.definition'), value: `${round.definition.title[lang]}（v${round.definition.version}）` },
                { term: t('surveys.rounds.audience'), value: t(`surveys.audience.${round.audience}`) },
                { term: t('surveys.rounds.period'), value: `${formatDate(round.opensOn, lang)} – ${formatDate(round.closesOn, lang)}` },
                { term: t('surveys.newRound.privacy'), value: round.anonymous ? t('surveys.round.anonymousWithMin', { minN: round.minN }) : t('surveys.round.identified') },
                { term: t('surveys.newRound.remind'), value: t('surveys.round.remindDays', { count: round.remindDaysBefore }) },
                {
                  term: t('surveys.rounds.responses'),
                  value: responsesText(round, lang, t),
                },
                { term: t('surveys.round.openedAt'), value: round.openedAt ? formatDateTime(round.openedAt, lang) : '—' },
                { term: t('surveys.round.closedAt'), value: round.closedAt ? formatDateTime(round.closedAt, lang) : '—' },
              ]}
            />
          </div>
          <div className="mb-10 flex flex-wrap items-center gap-4">
            {round.state === 'draft' ? (
              <ConfirmAction label={t('surveys.round.open')} question={t('surveys.round.openQuestion')} confirm={t('surveys.round.openConfirm')} variant="primary" testId="round-open" onConfirm={() => act('open')} />
            ) : null}
            {round.state === 'open' ? (
              <ConfirmAction label={t('surveys.round.close')} question={t('surveys.round.closeQuestion')} confirm={t('surveys.round.closeConfirm')} testId="round-close" onConfirm={() => act('close')} />
            ) : null}
            {round.state !== 'draft' ? (
              <Link to={`/admin/surveys/${round.id}/results`} data-testid="round-results-link">
                {t('surveys.round.resultsLink')}
              </Link>
            ) : null}
          </div>

          {round.state !== 'closed' ? (
            <Deadline
              round={round}
              onSaved={(r) => {
                setCurrent(r);
                setDone('deadline');
              }}
            />
          ) : null}

          <section aria-labelledby="round-targets">
            <SectionHeading id="round-targets">{t('surveys.round.targets')}</SectionHeading>
            {targets.loading ? <Loading /> : null}
            {targets.error ? <ErrorAlert error={targets.error} title={t('errors.loadFailed')} onRetry={targets.reload} /> : null}
            {targets.data ? (
              <Table caption={t('surveys.round.targetsCaption', { count: targets.data.items.length })} className="max-h-[32rem] overflow-y-auto" testId="round-targets-table">
                <thead>
                  <tr>
                    <Th>{t('surveys.mine.respondent')}</Th>
                    <Th>{t('surveys.mine.status')}</Th>
                    <Th>{t('surveys.round.lastReminded')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {targets.data.items.map((x) => (
                    <Tr key={x.id}>
                      <Th scope="row">{x.name[lang]}</Th>
                      <Td>{x.submitted ? t('surveys.status.submitted') : x.hasDraft ? t('surveys.status.draft') : t('surveys.status.not_started')}</Td>
                      <Td>{x.lastRemindedOn ? formatDate(x.lastRemindedOn, lang) : '—'}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </section>

          <section aria-labelledby="round-preview" className="mt-10">
            <SectionHeading id="round-preview">{t('surveys.round.preview')}</SectionHeading>
            <p className="mb-4 text-std-16N-170">{t('surveys.round.previewLead')}</p>
            <button type="button" aria-expanded={showPreview} className="mb-6 text-std-16N-170 text-blue-1000 underline" onClick={() => setShowPreview((s) => !s)} data-testid="round-preview-toggle">
              {showPreview ? t('surveys.round.hidePreview') : t('surveys.round.showPreview')}
            </button>
            {showPreview ? (
              definition.data ? (
                <SurveyForm definition={definition.data.definition} mode="preview" />
              ) : definition.error ? (
                <ErrorAlert error={definition.error} title={t('errors.loadFailed')} onRetry={definition.reload} />
              ) : (
                <Loading />
              )
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

export function SurveyDefinitionPreviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { key, version } = useParams();
  const v = Number(version);
  const definition = useDefinition(key && /^[a-z0-9_]+$/.test(key) ? key : null, Number.isInteger(v) && v > 0 ? v : null);
  const def = definition.data?.definition;
  usePageTitle(def ? def.title[lang] : t('surveys.round.preview'));
  return (
    <>
      <BackLink />
      {definition.loading ? <Loading /> : null}
      {definition.error ? <ErrorAlert error={definition.error} title={t('errors.loadFailed')} onRetry={definition.reload} /> : null}
      {def && definition.data ? (
        <>
          <PageHeading title={`${def.title[lang]}（${t('surveys.round.previewShort')}）`} lead={def.description?.[lang]} />
          <Alert tone="info" className="mb-6 max-w-5xl">
            {t('surveys.round.previewLead')}
            {def.source?.note ? <p className="mt-2 text-dns-14N-130">{def.source.note}</p> : null}
          </Alert>
          <SurveyForm definition={def} mode="preview" />
        </>
      ) : null}
    </>
  );
}

/** 回答期限の変更: a draft round's, or extending an open round's deadline. */
function Deadline({ round, onSaved }: { round: SurveyRound; onSaved: (r: SurveyRound) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [closesOn, setClosesOn] = useState(round.closesOn);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = error?.fields.find((f) => f.path === 'closesOn')?.message[lang];
  return (
    <form
      noValidate
      className="mb-10 flex max-w-3xl flex-col gap-3 sm:flex-row sm:items-end"
      aria-label={t('surveys.round.deadline')}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          onSaved(await patchRound(round.id, { closesOn, version: round.version }));
        } catch (err) {
          setError(err instanceof ApiError ? err : new ApiError(0, 'unexpected', { ja: t('errors.unexpected'), en: t('errors.unexpected') }));
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField id="round-deadline" type="date" label={t('surveys.round.deadline')} hint={t('surveys.round.deadlineHint')} value={closesOn} error={fieldError} onChange={(e) => setClosesOn(e.target.value)} className="sm:w-72" />
      <Button type="submit" variant="secondary" disabled={busy || closesOn === round.closesOn} data-testid="round-deadline-save">
        {t('surveys.round.deadlineSave')}
      </Button>
      {error && !fieldError ? <ErrorAlert error={error} title={t('surveys.round.actionFailed')} /> : null}
    </form>
  );
}
