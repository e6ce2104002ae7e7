// Survey results (集計, NPA: /admin/surveys/:id/results): per question n and counts; scales as 100%
// bars per item with the positive share (よく + やや当てはまる) and the seed's headline; choices as bars
// of share of n; numbers summarised; free text listed. Filters (organisation type / direction),
// comparison with an earlier round of the same questionnaire, the gap analysis (認識差), downloads.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { SurveyLabel } from '../../../common/src/schemas/survey-definition.schema.ts';
import { DONT_KNOW, SURVEY_SCALES } from '../../../common/src/schemas/survey-definition.schema.ts';
import { choiceBarOption, choiceBarText, gapBarOption, percent, stackedShareOption, stackedShareText } from '../../../common/src/survey-charts.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang, type Lang } from '../i18n.ts';
import { questionNumber, useWideScreen } from '../modules/surveys/question-input.tsx';
import {
  answersExportHref,
  isRecordId,
  resultsExportHref,
  useGaps,
  useResults,
  useRounds,
  type ResultsFilter,
  type SurveyGapResponse,
  type SurveyQuestionResult,
  type SurveyResultsResponse,
} from '../modules/surveys/surveys.api.ts';
import { Alert } from '../ui/alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { StatFigure } from '../ui/stat-figure.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const positiveIdsOf = (options: { id: string }[]): string[] => {
  for (const s of Object.values(SURVEY_SCALES)) if (options.some((o) => o.id === s.options[0].id)) return [...s.positive];
  return [];
};

function Headline({ headline, lang }: { headline: SurveyLabel | null; lang: Lang }) {
  if (!headline) return null;
  return (
    <p className="mb-3 rounded-8 border-l-8 border-blue-900 bg-blue-50 px-4 py-2 text-std-17B-170 text-solid-gray-900" data-testid="headline">
      {headline[lang]}
    </p>
  );
}

function QuestionResultView({ q, lang }: { q: SurveyQuestionResult; lang: Lang }) {
  const { t } = useTranslation();
  const labelWidth = useWideScreen(640) ? 220 : 110;
  const num = questionNumber(q, lang);
  const title = `${num ? `${num} ` : ''}${q.title[lang]}`;
  const nText = q.n === null ? t('surveys.results.suppressed') : t('surveys.results.n', { n: formatNumber(q.n, lang), eligible: formatNumber(q.eligible, lang) });
  const wrap = (children: ReactNode) => (
    <section aria-labelledby={`r-${q.id}`} className="mb-8" data-testid={`result-${q.id}`} data-n={q.n ?? ''}>
      <h3 id={`r-${q.id}`} className="mb-1 text-std-20B-150 text-solid-gray-900">
        {title}
      </h3>
      <p className="mb-3 text-dns-16N-130 text-solid-gray-800" data-testid={`result-n-${q.id}`}>
        {nText}
      </p>
      <Headline headline={q.headline} lang={lang} />
      {children}
    </section>
  );

  if (q.suppressed || q.n === null) return wrap(<Alert tone="info">{t('surveys.results.suppressedBody')}</Alert>);

  if (q.type === 'matrix' || q.type === 'scale') {
    const options = q.type === 'matrix' ? (q.items[0]?.options ?? []) : q.options;
    const items =
      q.type === 'matrix'
        ? q.items.map((it) => ({ label: it.label[lang], n: it.n, counts: it.options.map((o) => o.count), positive: it.positive }))
        : [{ label: q.title[lang], n: q.n, counts: q.options.map((o) => o.count), positive: q.positive ?? null }];
    const input = { lang, items, options: options.map((o) => ({ id: o.id, label: o.label[lang] })), labelWidth };
    const positiveIds = positiveIdsOf(options);
    const hasDontKnow = options.some((o) => o.id === DONT_KNOW.id);
    return wrap(
      <StatFigure
        title={t('surveys.results.scaleFigure', { title })}
        headingLevel={4}
        caption={hasDontKnow ? t('surveys.results.dontKnowNote') : t('surveys.results.positiveNote')}
        option={stackedShareOption(input)}
        textAlternative={stackedShareText(input, positiveIds)}
        layout="below"
        height={(labelWidth < 160 ? 150 : 110) + items.length * (labelWidth < 160 ? 64 : 52)}
        testId={`figure-${q.id}`}
        columns={[
          { key: 'item', label: t('surveys.results.item'), rowHeader: true },
          { key: 'n', label: 'n', numeric: true },
          ...options.map((o) => ({ key: o.id, label: o.label[lang], numeric: true })),
          { key: 'positive', label: t('surveys.results.positive'), numeric: true },
        ]}
        rows={items.map((it) => ({
          item: it.label,
          n: it.n,
          // count and share kept on one line (no-break space, ASCII brackets)
          ...Object.fromEntries(options.map((o, i) => [o.id, `${it.counts[i] ?? 0}\u00a0(${percent(it.counts[i] ?? 0, it.n)}%)`])),
          positive: it.positive ? pct(it.positive.share) : null,
        }))}
      />,
    );
  }

  if (q.type === 'number') {
    return wrap(
      <DescriptionList
        items={[
          { term: t('surveys.results.min'), value: q.min ?? '—' },
          { term: t('surveys.results.max'), value: q.max ?? '—' },
          { term: t('surveys.results.mean'), value: q.mean === null ? '—' : Math.round(q.mean * 10) / 10 },
          { term: t('surveys.results.median'), value: q.median ?? '—' },
        ]}
      />,
    );
  }

  if (q.type === 'text') {
    return wrap(
      q.texts.length ? (
        <ul className="flex max-h-[32rem] flex-col gap-2 overflow-y-auto rounded-8 border border-solid-gray-420 p-4" tabIndex={0} aria-label={t('surveys.results.texts', { title })}>
          {q.texts.map((x, i) => (
            <li key={i} className="border-b border-solid-gray-200 pb-2 text-std-16N-170 whitespace-pre-wrap">
              {x}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-std-16N-170">{t('surveys.results.noTexts')}</p>
      ),
    );
  }

  const input = { lang, n: q.n, options: q.options.map((o) => ({ label: o.label[lang], count: o.count })), labelWidth };
  return wrap(
    <StatFigure
      title={t('surveys.results.choiceFigure', { title })}
      headingLevel={4}
      caption={q.type === 'multiple' || q.type === 'upTo' ? t('surveys.results.multipleNote') : undefined}
      option={choiceBarOption(input)}
      textAlternative={choiceBarText(input)}
      layout="below"
      height={40 + q.options.length * (labelWidth < 160 ? 56 : 40)}
      testId={`figure-${q.id}`}
      columns={[
        { key: 'option', label: t('surveys.results.option'), rowHeader: true },
        { key: 'count', label: t('surveys.results.count'), numeric: true },
        { key: 'share', label: t('surveys.results.share'), numeric: true },
      ]}
      rows={q.options.map((o) => ({ option: o.label[lang], count: o.count, share: pct(o.share) }))}
    />,
  );
}

function Comparison({ data, lang }: { data: SurveyResultsResponse; lang: Lang }) {
  const { t } = useTranslation();
  const c = data.comparison;
  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const q of data.questions) {
      const num = questionNumber(q, lang) || q.title[lang];
      if (q.type === 'matrix') for (const it of q.items) for (const o of it.options) m.set(`${q.id}|${it.id}|${o.id}`, `${num}｜${it.label[lang]}｜${o.label[lang]}`);
      else if (q.type !== 'number' && q.type !== 'text') for (const o of q.options) m.set(`${q.id}||${o.id}`, `${num}｜${o.label[lang]}`);
    }
    return m;
  }, [data, lang]);
  if (!c) return null;
  const fmt = (v: number | null) => (v === null ? '—' : pct(v));
  return (
    <section aria-labelledby="comparison-heading" className="mb-10">
      <SectionHeading id="comparison-heading">{t('surveys.results.comparison', { title: c.round.title[lang] })}</SectionHeading>
      <Table caption={t('surveys.results.comparisonCaption')} className="max-h-[32rem] overflow-y-auto" testId="comparison-table">
        <thead>
          <tr>
            <Th>{t('surveys.results.answer')}</Th>
            <Th className="text-right">{c.round.title[lang]}</Th>
            <Th className="text-right">{data.round.title[lang]}</Th>
            <Th className="text-right">{t('surveys.results.points')}</Th>
          </tr>
        </thead>
        <tbody>
          {c.deltas.map((d) => (
            <Tr key={`${d.question}|${d.item ?? ''}|${d.option}`}>
              <Th scope="row" className="text-left">
                {labels.get(`${d.question}|${d.item ?? ''}|${d.option}`) ?? `${d.question} ${d.item ?? ''} ${d.option}`}
              </Th>
              <Td className="text-right tabular-nums">{fmt(d.before)}</Td>
              <Td className="text-right tabular-nums">{fmt(d.after)}</Td>
              <Td className="text-right tabular-nums">{d.points === null ? '—' : `${d.points > 0 ? '+' : ''}${d.points}`}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function GapView({ data, lang, chooser }: { data: SurveyGapResponse; lang: Lang; chooser?: ReactNode }) {
  const { t } = useTranslation();
  const labelWidth = useWideScreen(640) ? 220 : 110;
  if (!data.gaps.length) return null;
  return (
    <section aria-labelledby="gap-heading" className="mb-10" data-testid="gap-analysis">
      <SectionHeading id="gap-heading">{t('surveys.results.gapTitle')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170">
        {data.participantRound ? t('surveys.results.gapLead', { participant: data.participantRound.title[lang] }) : t('surveys.results.gapNoParticipants')}
      </p>
      {chooser}
      {data.gaps.map((g) => {
        const label = (r: (typeof g.rows)[number]) => (r.participantLabel[lang] === r.participantOption ? r.organisationLabel[lang] : r.participantLabel[lang]);
        const rows = g.rows.map((r) => ({
          label: label(r),
          participant: r.participant ? Math.round(r.participant.share * 1000) / 10 : null,
          organisation: r.organisation ? Math.round(r.organisation.share * 1000) / 10 : null,
        }));
        const input = { lang, rows, participantName: t('surveys.results.gapParticipants'), organisationName: t('surveys.results.gapOrganisations'), labelWidth };
        const alt = g.rows
          .map((r) =>
            t('surveys.results.gapRow', {
              label: label(r),
              participant: r.participant ? pct(r.participant.share) : '—',
              organisation: r.organisation ? pct(r.organisation.share) : '—',
            }),
          )
          .join(lang === 'ja' ? '' : ' ');
        return (
          <div key={g.id} className="mb-6">
            <Headline headline={g.headline} lang={lang} />
            <StatFigure
              title={`${g.no ? `${lang === 'ja' ? '問' : 'Q'}${g.no} ` : ''}${g.title[lang]}`}
              headingLevel={3}
              option={gapBarOption(input)}
              textAlternative={alt}
              layout="below"
              height={(labelWidth < 160 ? 90 : 70) + rows.length * (labelWidth < 160 ? 64 : 44)}
              testId={`gap-${g.id}`}
              columns={[
                { key: 'item', label: t('surveys.results.item'), rowHeader: true },
                { key: 'participant', label: t('surveys.results.gapParticipants'), numeric: true },
                { key: 'organisation', label: t('surveys.results.gapOrganisations'), numeric: true },
                { key: 'gap', label: t('surveys.results.gapPoints'), numeric: true },
              ]}
              rows={g.rows.map((r) => ({
                item: label(r),
                participant: r.participant ? `${pct(r.participant.share)}（${r.participant.count}/${r.participant.n}）` : null,
                organisation: r.organisation ? `${pct(r.organisation.share)}（${r.organisation.count}/${r.organisation.n}）` : null,
                gap: r.gapPoints === null ? null : `${r.gapPoints > 0 ? '+' : ''}${r.gapPoints}`,
              }))}
            />
          </div>
        );
      })}
    </section>
  );
}

export function SurveyResultsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const filter: ResultsFilter = {
    organisationType: ['ministry', 'executive_agency'].includes(params.get('organisationType') ?? '') ? params.get('organisationType')! : undefined,
    direction: ['hire', 'dispatch'].includes(params.get('direction') ?? '') ? params.get('direction')! : undefined,
    compareWith: isRecordId(params.get('compareWith') ?? undefined) ? params.get('compareWith')! : undefined,
  };
  const results = useResults(id, filter);
  const rounds = useRounds();
  const data = results.data;
  const participantRounds = (rounds.data?.items ?? []).filter((r) => r.audience === 'participant' && r.state !== 'draft');
  // Default: the latest closed participant round (an open one has few answers yet), else the server's choice.
  const latestClosed = participantRounds.filter((r) => r.state === 'closed').sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0];
  const participantRound = isRecordId(params.get('participantRound') ?? undefined) ? params.get('participantRound')! : latestClosed ? String(latestClosed.id) : undefined;
  const gaps = useGaps(id, data?.round.audience === 'organisation' && !rounds.loading, participantRound);
  usePageTitle(data ? t('surveys.results.title', { title: data.round.title[lang] }) : t('surveys.results.titleShort'));
  const setFilter = (k: keyof ResultsFilter | 'participantRound', v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const earlier = data ? (rounds.data?.items ?? []).filter((r) => r.definition.key === data.round.definition.key && r.id !== data.round.id && r.state !== 'draft') : [];
  const sections = data ? data.sections.map((s) => ({ ...s, questions: data.questions.filter((q) => q.section === s.id) })) : [];

  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to={id && isRecordId(id) ? `/admin/surveys/${id}` : '/admin/surveys'}>{t('surveys.results.back')}</Link>
      </p>
      {results.error?.status === 404 ? <PageHeading title={t('surveys.round.missing')} /> : null}
      {results.error && results.error.status !== 404 ? <ErrorAlert error={results.error} title={t('errors.loadFailed')} onRetry={results.reload} /> : null}
      {results.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <PageHeading title={t('surveys.results.title', { title: data.round.title[lang] })} />
          <div className="mb-6 flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4 sm:flex-row sm:flex-wrap sm:items-end" role="group" aria-label={t('surveys.results.filters')}>
            {data.round.audience === 'organisation' ? (
              <Select id="filter-org-type" label={t('surveys.results.organisationType')} value={filter.organisationType ?? ''} onChange={(e) => setFilter('organisationType', e.target.value)} className="sm:w-64">
                <option value="">{t('common.all')}</option>
                <option value="ministry">{t('surveys.organisationType.ministry')}</option>
                <option value="executive_agency">{t('surveys.organisationType.executive_agency')}</option>
              </Select>
            ) : (
              <Select id="filter-direction" label={t('surveys.results.direction')} value={filter.direction ?? ''} onChange={(e) => setFilter('direction', e.target.value)} className="sm:w-64">
                <option value="">{t('common.all')}</option>
                <option value="hire">{t('surveys.direction.hire')}</option>
                <option value="dispatch">{t('surveys.direction.dispatch')}</option>
              </Select>
            )}
            <Select id="filter-compare" label={t('surveys.results.compareWith')} value={filter.compareWith ?? ''} onChange={(e) => setFilter('compareWith', e.target.value)} className="sm:w-80">
              <option value="">{earlier.length ? t('surveys.results.noComparison') : t('surveys.results.noEarlier')}</option>
              {earlier.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {r.title[lang]}
                </option>
              ))}
            </Select>
          </div>
          <div className="mb-6 max-w-4xl">
            <DescriptionList
              items={[
                { term: t('surveys.results.respondents'), value: <span data-testid="results-respondents">{data.respondents === null ? t('surveys.results.suppressed') : formatNumber(data.respondents, lang)}</span> },
                { term: t('surveys.rounds.responses'), value: `${formatNumber(data.round.submitted, lang)} / ${formatNumber(data.round.targets, lang)}` },
                { term: t('surveys.newRound.privacy'), value: data.round.anonymous ? t('surveys.round.anonymousWithMin', { minN: data.minN }) : t('surveys.round.identified') },
              ]}
            />
          </div>
          <section aria-labelledby="downloads-heading" className="mb-8">
            <h2 id="downloads-heading" className="mb-2 text-std-20B-150 text-solid-gray-900">
              {t('surveys.results.downloads')}
            </h2>
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
              <li>
                <a href={resultsExportHref(data.round.id, 'results.csv', filter, lang)} download data-testid="download-csv">
                  {t('surveys.results.csv')}
                </a>
              </li>
              <li>
                <a href={resultsExportHref(data.round.id, 'results.xlsx', filter, lang)} download data-testid="download-xlsx">
                  {t('surveys.results.xlsx')}
                </a>
              </li>
              <li>
                <a href={resultsExportHref(data.round.id, 'report.pdf', filter, lang)} download data-testid="download-pdf">
                  {t('surveys.results.pdf')}
                </a>
              </li>
              {!data.round.anonymous ? (
                <>
                  <li>
                    <a href={answersExportHref(data.round.id, 'csv')} download data-testid="download-answers-csv">
                      {t('surveys.results.answersCsv')}
                    </a>
                  </li>
                  <li>
                    <a href={answersExportHref(data.round.id, 'xlsx')} download>
                      {t('surveys.results.answersXlsx')}
                    </a>
                  </li>
                </>
              ) : null}
            </ul>
          </section>
          {data.suppressed ? (
            <Alert tone="info" title={t('surveys.results.suppressedTitle')}>
              {t('surveys.results.suppressedAll', { minN: data.minN })}
            </Alert>
          ) : (
            <>
              {gaps.data ? (
                <GapView
                  data={gaps.data}
                  lang={lang}
                  chooser={
                    participantRounds.length ? (
                      <Select id="gap-participant-round" label={t('surveys.results.gapRound')} value={participantRound ?? String(gaps.data.participantRound?.id ?? '')} onChange={(e) => setFilter('participantRound', e.target.value)} className="mb-4 sm:w-96">
                        {gaps.data.participantRound ? null : <option value="">{t('surveys.results.gapNoParticipants')}</option>}
                        {participantRounds.map((r) => (
                          <option key={r.id} value={String(r.id)}>
                            {r.title[lang]}
                          </option>
                        ))}
                      </Select>
                    ) : null
                  }
                />
              ) : null}
              <Comparison data={data} lang={lang} />
              {sections.map((s) =>
                s.questions.length ? (
                  <section key={s.id} aria-labelledby={`rs-${s.id}`}>
                    <SectionHeading id={`rs-${s.id}`}>{s.title[lang]}</SectionHeading>
                    {s.questions.map((q) => (
                      <QuestionResultView key={q.id} q={q} lang={lang} />
                    ))}
                  </section>
                ) : null,
              )}
            </>
          )}
        </>
      ) : null}
    </>
  );
}
