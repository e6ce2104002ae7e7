// 回答するアンケート (ministry HR, participants): the rounds addressed to the account, open and
// closed, with the deadline and where the answer stands (未回答・一時保存・回答済み).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useMySurveys, type MySurvey } from '../modules/surveys/surveys.api.ts';
import { formatDate } from '../ui/format.ts';
import { Badge, Loading, PageHeading, usePageTitle, type BadgeTone } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

const statusTone: Record<MySurvey['status'], BadgeTone> = { not_started: 'orange', draft: 'blue', submitted: 'green' };

export function SurveyStatusBadge({ status }: { status: MySurvey['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`surveys.status.${status}`)}</Badge>;
}

export function MySurveysPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('surveys.mine.title'));
  const list = useMySurveys();
  const items = list.data?.items ?? [];
  const open = items.filter((s) => s.round.acceptingAnswers);
  const closed = items.filter((s) => !s.round.acceptingAnswers);
  const table = (rows: MySurvey[], caption: string, testId: string) => (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{t('surveys.mine.survey')}</Th>
          <Th className="hidden sm:table-cell">{t('surveys.mine.respondent')}</Th>
          <Th>{t('surveys.mine.closesOn')}</Th>
          <Th>{t('surveys.mine.status')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <Tr key={s.targetId}>
            <Th scope="row" className="min-w-[9rem]">
              <Link to={`/surveys/${s.targetId}`} data-testid={`my-survey-${s.targetId}`}>
                {s.round.title[lang]}
              </Link>
              {s.round.anonymous ? <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('surveys.anonymous')}</span> : null}
              {/* phone width: the respondent under the title instead of its own column */}
              <span className="mt-1 block font-normal text-dns-14N-130 text-solid-gray-700 sm:hidden">{s.respondent[lang]}</span>
            </Th>
            <Td className="hidden sm:table-cell">{s.respondent[lang]}</Td>
            <Td className="min-w-[7rem]">{formatDate(s.round.closesOn, lang)}</Td>
            <Td>
              <SurveyStatusBadge status={s.status} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
  return (
    <>
      <PageHeading title={t('surveys.mine.title')} lead={t('surveys.mine.lead')} />
      {list.loading ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} title={t('errors.loadFailed')} onRetry={list.reload} /> : null}
      {list.data ? (
        <div className="flex max-w-5xl flex-col gap-8">
          {open.length ? table(open, t('surveys.mine.openCaption'), 'my-surveys-open') : <p className="text-std-16N-170">{t('surveys.mine.none')}</p>}
          {closed.length ? table(closed, t('surveys.mine.closedCaption'), 'my-surveys-closed') : null}
        </div>
      ) : null}
    </>
  );
}
