import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { CaseActions } from '../modules/exchanges/case-actions.tsx';
import { CaseCriteria } from '../modules/exchanges/case-criteria.tsx';
import { CaseDocuments } from '../modules/exchanges/case-documents.tsx';
import { CaseExtensions, CaseInterviews } from '../modules/exchanges/case-followup.tsx';
import { directionLabel, OverdueFlag, Period, StateBadge } from '../modules/exchanges/case-labels.tsx';
import { CaseOutcomeView, type CaseOutcome } from '../modules/exchanges/case-outcome.tsx';
import { CasePerson } from '../modules/exchanges/case-person.tsx';
import { CaseSteps } from '../modules/exchanges/case-steps.tsx';
import { CaseThread } from '../modules/exchanges/case-thread.tsx';
import { lifecycle, mayCase, reviewStates, useCase, useCaseSchedule, type CaseDetail } from '../modules/exchanges/exchanges.api.ts';
import { GuidanceDuties, GuidanceTable } from '../modules/exchanges/guidance-table.tsx';
import { useGuidance } from '../modules/exchanges/planner.api.ts';
import { ScheduleTimeline } from '../modules/exchanges/schedule-timeline.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { NotFoundPage, QueryFailurePage } from './status-pages.tsx';

/** 交流案件の詳細: who, what and when; where it stands; what the user may do next; and its papers, thread, follow-up and history. */
export function ExchangeDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data, error, reload } = useCase(id);
  if (!id || !/^\d+$/.test(id)) return <NotFoundPage />;
  if (error && !data) return <QueryFailurePage error={error} title={t('exchangeCases.detail.title')} onRetry={reload} />;
  return <CaseView detail={data} reload={reload} />;
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={testId}>
      <SectionHeading id={`${id}-heading`}>{title}</SectionHeading>
      {children}
    </section>
  );
}

function CaseView({ detail, reload }: { detail: CaseDetail | undefined; reload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const { account } = useSession();
  const navigate = useNavigate();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [outcome, setOutcome] = useState<CaseOutcome | null>(created ? { kind: 'ok', message: (tt) => tt('exchangeCases.create.created') } : null);
  // The "opened" message is for this visit only, not for a reload or a return through history.
  useEffect(() => {
    if (created) navigate(location.pathname, { replace: true, state: null });
  }, [created, navigate, location.pathname]);
  const [nonce, setNonce] = useState(0);
  usePageTitle(detail ? t('exchangeCases.detail.pageTitle', { reference: detail.reference }) : t('exchangeCases.detail.title'));

  const report = (o: CaseOutcome | null) => {
    if (o) {
      setOutcome(o);
      setNonce((n) => n + 1);
    }
    reload();
  };

  if (!detail) {
    return (
      <>
        <PageHeading title={t('exchangeCases.detail.title')} />
        <Loading />
      </>
    );
  }
  const c = detail;
  const dash = '—';
  // A hire's employee is named by the company: until then the ministry and the NPA are told who will.
  const personValue = (x: CaseDetail) => {
    if (x.personName) return x.personName;
    if (x.personId !== null || account?.role === 'center') return dash;
    if (x.direction === 'hire' && account?.role !== 'company_hr') return t('exchangeCases.namePerson.ministryNote');
    return t('exchangeCases.detail.personNotNamed');
  };
  const beforeStart = lifecycle.indexOf(c.state) >= 0 && lifecycle.indexOf(c.state) < lifecycle.indexOf('active');
  const items = [
    { term: t('exchangeCases.fields.direction'), value: directionLabel(t, c) },
    {
      term: t('exchangeCases.fields.ministry'),
      value: (
        <>
          {pick(lang, c.organisation.nameJa, c.organisation.nameEn)}
          {t('exchangeCases.sep')}
          {pick(lang, c.unit.nameJa, c.unit.nameEn)}
        </>
      ),
    },
    { term: t('exchangeCases.fields.postTitle'), value: c.postTitle },
    { term: t('exchangeCases.fields.company'), value: <>{c.company.name}{c.divisionName ? `${t('exchangeCases.sep')}${c.divisionName}` : ''}<span className="block font-mono text-dns-14N-130 text-solid-gray-700">{c.company.corporateNumber}</span></> },
    { term: t('exchangeCases.fields.person'), value: <span data-testid="case-person">{personValue(c)}</span> },
    { term: t('exchangeCases.fields.period'), value: <Period start={c.plannedStart} end={c.plannedEnd} /> },
    {
      term: t('exchangeCases.fields.review'),
      value: c.submittedOn ? (
        <>
          {t('exchangeCases.submittedOn')}
          {formatDate(c.submittedOn, lang)}
          {c.reviewDueOn && reviewStates.includes(c.state) ? (
            <span className="block">
              {t('exchangeCases.reviewDue')}
              {formatDate(c.reviewDueOn, lang)}
            </span>
          ) : null}
          {c.informallyApprovedOn ? <span className="block">{t('exchangeCases.detail.informallyApprovedOn', { date: formatDate(c.informallyApprovedOn, lang) })}</span> : null}
          {c.certifiedOn ? <span className="block">{t('exchangeCases.detail.certifiedOn', { date: formatDate(c.certifiedOn, lang) })}</span> : null}
          {c.overdue ? (
            <span className="mt-1 block">
              <OverdueFlag due={c.reviewDueOn} testId="case-overdue" />
            </span>
          ) : null}
        </>
      ) : (
        t('exchangeCases.notSubmitted')
      ),
    },
    ...(c.actualStart ? [{ term: t('exchangeCases.fields.actualStart'), value: formatDate(c.actualStart, lang) }] : []),
    ...(c.actualEnd ? [{ term: t('exchangeCases.fields.actualEnd'), value: formatDate(c.actualEnd, lang) }] : []),
    ...(c.returnPost ? [{ term: t('exchangeCases.fields.returnPost'), value: c.returnPost }] : []),
    ...(c.experienceUse ? [{ term: t('exchangeCases.fields.experienceUse'), value: <span className="whitespace-pre-wrap">{c.experienceUse}</span> }] : []),
    ...(c.endReason ? [{ term: t('exchangeCases.fields.endReason'), value: `${t(`exchangeCases.endReason.${c.endReason}`, { defaultValue: c.endReason })}${c.endNote ? `：${c.endNote}` : ''}` }] : []),
  ];

  return (
    <div data-testid="case-detail" data-state={c.state} data-version={c.version}>
      <p className="mb-4 text-std-16N-170">
        <Link to="/exchanges">{t('exchangeCases.backToList')}</Link>
      </p>
      <PageHeading title={t('exchangeCases.detail.heading', { reference: c.reference })}>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-std-16N-170 text-solid-gray-800">
          <span>
            <span className="mr-1">{t('exchangeCases.detail.stateLabel')}</span>
            <StateBadge state={c.state} testId="case-state" />
          </span>
          <span>{directionLabel(t, c)}</span>
          <span>{t('exchangeCases.detail.updated', { at: formatDateTime(c.updatedAt, lang) })}</span>
        </p>
      </PageHeading>
      <CaseOutcomeView outcome={outcome} nonce={nonce} />
      <CaseSteps detail={c} />
      <DescriptionList items={items} />

      {mayCase.namePerson(account, c) ? (
        <Section id="name-person" title={t('exchangeCases.namePerson.heading')} testId="name-person-section">
          <CasePerson detail={c} report={report} reload={reload} />
        </Section>
      ) : null}

      <Section id="actions" title={t('exchangeCases.actions.heading')} testId="actions-section">
        <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.actions.lead')}</p>
        <CaseActions detail={c} onDone={report} />
      </Section>

      <Section id="criteria" title={t('exchangeCases.criteria.heading')}>
        <CaseCriteria detail={c} onChanged={report} />
      </Section>

      <Section id="documents" title={t('exchangeCases.documents.heading')}>
        <CaseDocuments detail={c} onChanged={report} />
      </Section>

      <Section id="thread" title={t('exchangeCases.thread.heading')}>
        <CaseThread detail={c} onPosted={reload} />
      </Section>

      {beforeStart ? (
        <Section id="schedule" title={t('exchangeCases.schedule.heading')} testId="case-schedule">
          <CaseSchedule key={c.version} id={c.id} />
        </Section>
      ) : null}

      {['agreement_signed', 'active', 'extended', 'returned', 'ended_early'].includes(c.state) ? (
        <>
          <Section id="interviews" title={t('exchangeCases.interviews.heading')}>
            <CaseInterviews detail={c} report={report} />
          </Section>
          <Section id="extensions" title={t('exchangeCases.extensions.heading')}>
            <CaseExtensions detail={c} report={report} />
          </Section>
        </>
      ) : null}

      <Section id="guidance" title={t('exchangeCases.guidance.heading')}>
        <CaseGuidance detail={c} />
      </Section>

      <Section id="history" title={t('exchangeCases.history.heading')}>
        <CaseHistory detail={c} />
      </Section>
    </div>
  );
}

function CaseSchedule({ id }: { id: number }) {
  const { t } = useTranslation();
  const plan = useCaseSchedule(id);
  return (
    <>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.schedule.lead')}</p>
      {plan.loading ? <Loading /> : null}
      {plan.error ? <ErrorAlert error={plan.error} title={t('errors.loadFailed')} onRetry={plan.reload} /> : null}
      {plan.data ? <ScheduleTimeline plan={plan.data} /> : null}
    </>
  );
}

function CaseGuidance({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const type = detail.direction === 'dispatch' ? 'dispatch' : detail.hireType === 'resigned' ? 'hire_resigned' : 'hire_continued';
  const guidance = useGuidance(type);
  return (
    <>
      {guidance.loading ? <Loading /> : null}
      {guidance.error ? <ErrorAlert error={guidance.error} title={t('errors.loadFailed')} onRetry={guidance.reload} /> : null}
      {guidance.data ? (
        <div className="flex flex-col gap-8">
          <GuidanceTable guidance={guidance.data} />
          <details className="rounded-8 border border-solid-gray-420 bg-white p-4">
            <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">{t('exchangeCases.guidance.duties')}</summary>
            <div className="mt-4">
              <GuidanceDuties guidance={guidance.data} level={3} />
            </div>
          </details>
        </div>
      ) : null}
    </>
  );
}

function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const events = [...detail.events].reverse();
  return (
    <Table caption={t('exchangeCases.history.caption', { count: events.length })} testId="case-history">
      <thead>
        <tr>
          <Th>{t('exchangeCases.history.at')}</Th>
          <Th>{t('exchangeCases.history.event')}</Th>
          <Th>{t('exchangeCases.history.states')}</Th>
          <Th>{t('exchangeCases.history.actor')}</Th>
          <Th>{t('exchangeCases.history.note')}</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <Tr key={e.id}>
            <Th scope="row" className="min-w-48 font-normal">
              {formatDateTime(e.at, lang)}
            </Th>
            <Td className="min-w-36">{t(`exchangeCases.event.${e.event}`, { defaultValue: e.event })}</Td>
            <Td className="min-w-48">
              {e.fromState === e.toState ? (
                t(`exchangeCases.state.${e.toState}`)
              ) : (
                <>
                  {t(`exchangeCases.state.${e.fromState}`)}
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">{t('exchangeCases.history.toSr')}</span>
                  {t(`exchangeCases.state.${e.toState}`)}
                </>
              )}
            </Td>
            <Td className="whitespace-nowrap">{e.actorRole ? t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) : dashOf()}</Td>
            <Td className="min-w-64 whitespace-pre-wrap">{e.note ?? ''}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

const dashOf = () => '—';
