import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { AlgorithmExplanation } from '../modules/matching/algorithm-explanation.tsx';
import {
  addParticipants,
  managerRoles,
  removeParticipant,
  runRound,
  setCapacity,
  useEligibleSheets,
  useMyRound,
  useRound,
  type MyRound,
  type RoundDetail,
  type RoundSheet,
} from '../modules/matching/matching.api.ts';
import { RankingEditor } from '../modules/matching/ranking-editor.tsx';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';
import { RoundStatusBadge } from './matching.page.tsx';

const owner = (s: Pick<RoundSheet, 'ownerNameJa' | 'ownerNameEn'>, lang: 'ja' | 'en') => pick(lang, s.ownerNameJa, s.ownerNameEn);

function RoundFacts({ round }: { round: RoundDetail | MyRound }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DescriptionList
      items={[
        { term: t('matching.list.status'), value: <RoundStatusBadge round={round} /> },
        { term: t('matching.fields.direction'), value: t(`matching.direction.${round.direction}`) },
        { term: t('matching.fields.maxRanks'), value: t('matching.maxRanksValue', { n: round.maxRanks }) },
        { term: t('matching.fields.proposingSide'), value: t(`matching.side.${round.proposingSide}`) },
        { term: t('matching.fields.rankingClosesOn'), value: round.rankingClosesOn ? formatDate(round.rankingClosesOn, lang) : t('matching.list.noCloseDate') },
        { term: t('matching.list.participants'), value: t('matching.list.participantCounts', { ministry: round.participants.ministry, company: round.participants.company }) },
        ...(round.runAt ? [{ term: t('matching.runAt'), value: formatDateTime(round.runAt, lang) }] : []),
      ]}
    />
  );
}

function SheetCell({ sheet }: { sheet: RoundSheet }) {
  const lang = useLang();
  return (
    <>
      <Link to={`/wishes/${sheet.reference}`}>{sheet.title}</Link>
      <span className="block text-dns-14N-130 text-solid-gray-700">
        {owner(sheet, lang)}（{sheet.reference}）
      </span>
    </>
  );
}

function CapacityForm({ round, p, onDone }: { round: RoundDetail; p: RoundDetail['participantList'][number]; onDone: (r: RoundDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [value, setValue] = useState(String(p.capacity));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = `capacity-${p.sheetId}`;
  return (
    <form
      noValidate
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value);
        if (!/^\d+$/.test(value.trim()) || n < 1 || n > 100) {
          setError(t('matching.participants.capacityInvalid'));
          return;
        }
        setBusy(true);
        setCapacity(round.id, p.sheetId, n)
          .then((r) => {
            setError(undefined);
            onDone(r);
          })
          .catch((err: { messages?: { ja: string; en: string } }) => setError(err.messages?.[lang] ?? t('errors.unexpected')))
          .finally(() => setBusy(false));
      }}
    >
      <TextField
        id={id}
        label={<span className="sr-only">{t('matching.participants.capacityFor', { title: p.title })}</span>}
        value={value}
        error={error}
        inputMode="numeric"
        inputClassName="w-20"
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={busy || value === String(p.capacity)} aria-label={t('matching.participants.saveCapacityFor', { title: p.title })}>
        {t('matching.participants.saveCapacity')}
      </Button>
    </form>
  );
}

function AddParticipants({ round, onDone }: { round: RoundDetail; onDone: (r: RoundDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const eligible = useEligibleSheets(round.id, query);
  const outcome = useOutcome();
  return (
    <section aria-labelledby="add-heading" className="mt-8">
      <h3 id="add-heading" className="text-std-20B-150">
        {t('matching.participants.addHeading')}
      </h3>
      <p className="mt-1 max-w-4xl text-std-16N-170">{t(`matching.participants.addLead.${round.direction}`)}</p>
      {outcome.view('add-outcome')}
      <form
        role="search"
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <TextField id="eligible-q" label={t('matching.participants.search')} value={q} onChange={(e) => setQ(e.target.value)} className="min-w-72" />
        <Button type="submit" variant="secondary">
          {t('matching.participants.searchButton')}
        </Button>
      </form>
      {eligible.loading ? <Loading /> : null}
      {eligible.error ? <ErrorAlert error={eligible.error} /> : null}
      {eligible.data ? (
        eligible.data.items.length === 0 ? (
          <p className="mt-3 text-std-16N-170">{t('matching.participants.noneEligible')}</p>
        ) : (
          <form
            className="mt-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (!chosen.length) return;
              const count = chosen.length;
              void outcome.run(
                () => addParticipants(round.id, chosen).then(onDone),
                (t) => t('matching.participants.added', { count }),
                () => {
                  setChosen([]);
                  eligible.reload();
                },
              );
            }}
          >
            <fieldset>
              <legend className="text-std-17B-170">{t('matching.participants.choose', { count: eligible.data.items.length })}</legend>
              <ul className="mt-2 flex max-h-96 flex-col gap-1 overflow-y-auto rounded-8 border border-solid-gray-420 p-3">
                {eligible.data.items.map((s) => (
                  <li key={s.sheetId}>
                    <label className="flex items-start gap-3 py-1">
                      <input
                        type="checkbox"
                        className="mt-1 size-5 shrink-0 accent-blue-900"
                        checked={chosen.includes(s.sheetId)}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.sheetId] : c.filter((x) => x !== s.sheetId)))}
                      />
                      <span>
                        <span className="text-dns-16B-130">{s.title}</span>
                        <span className="block text-dns-14N-130 text-solid-gray-700">
                          {t(`matching.side.${s.side}`)}・{owner(s, lang)}・{s.reference}・{t('matching.participants.defaultCapacity', { n: s.defaultCapacity })}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <Button type="submit" className="mt-3" disabled={!chosen.length} data-testid="add-participants">
              {t('matching.participants.addButton', { count: chosen.length })}
            </Button>
          </form>
        )
      ) : null}
    </section>
  );
}

function Report({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const r = round.report!;
  const f = r.figures;
  const byRef = new Map(round.participantList.map((p) => [p.reference, p]));
  const name = (ref: string) => {
    const p = byRef.get(ref);
    return p ? `${p.title}（${owner(p, lang)}）` : ref;
  };
  return (
    <>
      <section aria-labelledby="proposals-heading">
        <SectionHeading id="proposals-heading">{t('matching.report.proposalsHeading', { count: round.proposals.length })}</SectionHeading>
        <Alert tone="warning" className="mb-4 max-w-4xl">
          {t('matching.notBindingNote')}
        </Alert>
        {round.proposals.length ? (
          <Table caption={t('matching.report.proposalsCaption')} testId="proposals">
            <thead>
              <tr>
                <Th>{t('matching.side.ministry')}</Th>
                <Th>{t('matching.side.company')}</Th>
                <Th>{t('matching.report.ministryRank')}</Th>
                <Th>{t('matching.report.companyRank')}</Th>
              </tr>
            </thead>
            <tbody>
              {round.proposals.map((p) => (
                <Tr key={`${p.ministry.reference}-${p.company.reference}`}>
                  <Td>
                    <SheetCell sheet={p.ministry} />
                  </Td>
                  <Td>
                    <SheetCell sheet={p.company} />
                  </Td>
                  <Td className="tabular-nums">{t('matching.report.rankValue', { n: p.ministryRank })}</Td>
                  <Td className="tabular-nums">{t('matching.report.rankValue', { n: p.companyRank })}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-std-16N-170">{t('matching.report.noProposals')}</p>
        )}
      </section>
      <section aria-labelledby="figures-heading">
        <SectionHeading id="figures-heading">{t('matching.report.figuresHeading')}</SectionHeading>
        <DescriptionList
          items={[
            { term: t('matching.report.algorithm'), value: `${r.algorithm.name[lang]}。${r.algorithm.guarantee[lang]}` },
            { term: t('matching.fields.proposingSide'), value: t(`matching.side.${r.proposingSide}`) },
            { term: t('matching.report.asOf'), value: formatDate(r.asOf, lang) },
            { term: t('matching.report.participants'), value: t('matching.report.participantsValue', { ministries: f.ministries, companies: f.companies }) },
            { term: t('matching.report.capacity'), value: t('matching.report.capacityValue', { ministry: f.ministryCapacity, company: f.companyCapacity }) },
            { term: t('matching.report.rankingsSubmitted'), value: t('matching.report.rankingsSubmittedValue', { count: f.rankingsSubmitted, total: f.ministries + f.companies }) },
            { term: t('matching.report.pairs'), value: String(f.pairs) },
            { term: t('matching.report.unfilled'), value: t('matching.report.unfilledValue', { ministry: f.unfilledMinistry, company: f.unfilledCompany }) },
            { term: t('matching.report.process'), value: t('matching.report.processValue', { rounds: f.rounds, proposals: f.proposals, rejections: f.rejections }) },
            { term: t('matching.report.barredPairs'), value: String(f.barredPairs) },
          ]}
        />
      </section>
      <section aria-labelledby="barred-heading">
        <SectionHeading id="barred-heading">{t('matching.report.barredHeading', { count: r.barred.length })}</SectionHeading>
        {r.barred.length ? (
          <Table caption={t('matching.report.barredCaption')} testId="barred-pairs">
            <thead>
              <tr>
                <Th>{t('matching.side.ministry')}</Th>
                <Th>{t('matching.side.company')}</Th>
                <Th>{t('matching.report.reason')}</Th>
                <Th>{t('matching.report.mutuallyListed')}</Th>
              </tr>
            </thead>
            <tbody>
              {r.barred.map((b) => (
                <Tr key={`${b.ministry}-${b.company}`}>
                  <Td>{name(b.ministry)}</Td>
                  <Td>{name(b.company)}</Td>
                  <Td>{b.reason[lang]}</Td>
                  <Td>{t(b.mutuallyListed ? 'common.yes' : 'common.no')}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-std-16N-170">{t('matching.report.noBarred')}</p>
        )}
      </section>
      <section aria-labelledby="each-heading">
        <SectionHeading id="each-heading">{t('matching.report.eachHeading')}</SectionHeading>
        <Table caption={t('matching.report.eachCaption')} testId="participant-report">
          <thead>
            <tr>
              <Th>{t('matching.report.participant')}</Th>
              <Th>{t('matching.participants.capacity')}</Th>
              <Th>{t('matching.report.matched')}</Th>
              <Th>{t('matching.report.bestMissed')}</Th>
            </tr>
          </thead>
          <tbody>
            {r.participants.map((p) => (
              <Tr key={p.reference}>
                <Th scope="row">
                  {name(p.reference)}
                  <span className="block text-dns-14N-130 text-solid-gray-700">{t(`matching.side.${p.side}`)}</span>
                </Th>
                <Td className="tabular-nums whitespace-nowrap">{t('matching.report.filled', { used: p.matched.length, capacity: p.capacity })}</Td>
                <Td>{p.matched.length ? p.matched.map(name).join(lang === 'ja' ? '、' : ', ') : t('matching.report.none')}</Td>
                <Td>{p.bestMissed ? `${t('matching.report.rankValue', { n: p.bestMissed.rank })} ${name(p.bestMissed.reference)}：${p.bestMissed.message[lang]}` : t('matching.report.noneMissed')}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </section>
      <details className="mt-8">
        <summary className="cursor-pointer text-std-18B-160 text-blue-900 underline">{t('matching.report.stepsHeading', { count: r.steps.length })}</summary>
        <ol className="mt-3 list-decimal space-y-1 pl-8 text-dns-16N-130" data-testid="steps">
          {r.steps.map((s, i) => (
            <li key={i}>
              {t('matching.report.stepRound', { n: s.round })}
              {s.action === 'propose'
                ? t('matching.report.step.propose', { from: name(s.from!), to: name(s.to!) })
                : s.action === 'hold'
                  ? t('matching.report.step.hold', { by: name(s.by!), of: name(s.of!) })
                  : t(s.displaced ? 'matching.report.step.displace' : 'matching.report.step.reject', { by: name(s.by!), of: name(s.of!) })}
            </li>
          ))}
        </ol>
        {r.stepsTruncated ? <p className="mt-2 text-std-16N-170">{t('matching.report.stepsTruncated')}</p> : null}
      </details>
    </>
  );
}

function ManagerView({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const state = useRound(id, true);
  const outcome = useOutcome();
  const [override, setOverride] = useState<RoundDetail | null>(null);
  const round = override && override.id === state.data?.id ? override : state.data;
  usePageTitle(round ? round.title : t('matching.title'));
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const refresh = (r: RoundDetail) => {
    setOverride(r);
  };
  return (
    <>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {round ? (
        <>
          <PageHeading title={round.title} />
          {created ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('matching.create.created')}
            </Alert>
          ) : null}
          <RoundFacts round={round} />
          <div className="mt-8">
            <AlgorithmExplanation proposingSide={round.proposingSide} maxRanks={round.maxRanks} />
          </div>
          <section aria-labelledby="participants-heading">
            <SectionHeading id="participants-heading">{t('matching.participants.heading', { count: round.participantList.length })}</SectionHeading>
            {outcome.view('round-outcome')}
            {round.participantList.length ? (
              <Table caption={t('matching.participants.caption')} testId="participants">
                <thead>
                  <tr>
                    <Th>{t('matching.report.participant')}</Th>
                    <Th>{t('matching.participants.side')}</Th>
                    <Th>{t('matching.participants.capacity')}</Th>
                    <Th>{t('matching.participants.ranking')}</Th>
                    {round.status === 'ranking' ? <Th>{t('matching.participants.actions')}</Th> : null}
                  </tr>
                </thead>
                <tbody>
                  {round.participantList.map((p) => (
                    <Tr key={p.sheetId}>
                      <Th scope="row">
                        <SheetCell sheet={p} />
                      </Th>
                      <Td>{t(`matching.side.${p.side}`)}</Td>
                      <Td>{round.status === 'ranking' ? <CapacityForm round={round} p={p} onDone={refresh} /> : <span className="tabular-nums">{p.capacity}</span>}</Td>
                      <Td>
                        {p.ranking.length ? (
                          <ol className="list-decimal pl-6">
                            {p.ranking.map((ref) => {
                              const x = round.participantList.find((y) => y.reference === ref);
                              return <li key={ref}>{x ? `${x.title}（${owner(x, lang)}）` : ref}</li>;
                            })}
                          </ol>
                        ) : (
                          <span className="text-solid-gray-700">{t('matching.participants.notRanked')}</span>
                        )}
                      </Td>
                      {round.status === 'ranking' ? (
                        <Td>
                          <ConfirmAction
                            label={t('matching.participants.remove')}
                            ariaLabel={t('matching.participants.removeFor', { title: p.title })}
                            question={t('matching.participants.removeQuestion')}
                            confirm={t('matching.participants.removeConfirm')}
                            onConfirm={() => outcome.run(() => removeParticipant(round.id, p.sheetId).then(refresh), (t) => t('matching.participants.removed', { title: p.title }))}
                          />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="text-std-16N-170">{t('matching.participants.none')}</p>
            )}
            {round.status === 'ranking' ? (
              <>
                <AddParticipants round={round} onDone={refresh} />
                <div className="mt-10 rounded-8 border border-solid-gray-420 p-5">
                  <h3 className="text-std-20B-150">{t('matching.run.heading')}</h3>
                  <p className="mt-2 max-w-4xl text-std-16N-170">{t('matching.run.lead')}</p>
                  {round.rankingOpen && round.rankingClosesOn ? <p className="mt-2 text-std-16N-170 text-warning-orange-2">{t('matching.run.beforeClose', { date: formatDate(round.rankingClosesOn, lang) })}</p> : null}
                  <div className="mt-4">
                    <ConfirmAction
                      label={t('matching.run.button')}
                      question={t('matching.run.question')}
                      confirm={t('matching.run.confirm')}
                      variant="primary"
                      testId="run-round"
                      onConfirm={() => outcome.run(() => runRound(round.id).then(refresh), (t) => t('matching.run.done'))}
                    />
                  </div>
                </div>
              </>
            ) : null}
          </section>
          {round.report ? <Report round={round} /> : null}
        </>
      ) : null}
    </>
  );
}

function RankerView({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMyRound(id, true);
  const round = state.data;
  usePageTitle(round ? round.title : t('matching.title'));
  return (
    <>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {round ? (
        <>
          <PageHeading title={round.title} lead={t('matching.rankerLead', { n: round.maxRanks })} />
          <RoundFacts round={round} />
          <div className="mt-8">
            <AlgorithmExplanation proposingSide={round.proposingSide} maxRanks={round.maxRanks} />
          </div>
          {round.mySheets.map((s) => (
            <section key={s.sheetId} aria-labelledby={`mine-${s.sheetId}`} data-testid={`my-sheet-${s.reference}`}>
              <SectionHeading id={`mine-${s.sheetId}`}>{t('matching.mine.heading', { title: s.title })}</SectionHeading>
              <p className="mb-4 text-std-16N-170">{t('matching.mine.capacity', { reference: s.reference, n: s.capacity })}</p>
              {round.status === 'run' ? (
                <div className="mb-8">
                  <h3 className="text-std-20B-150">{t('matching.mine.proposalsHeading', { count: s.proposals.length })}</h3>
                  <Alert tone="warning" className="my-3 max-w-4xl">
                    {t('matching.notBindingNote')}
                  </Alert>
                  {s.proposals.length ? (
                    <ul className="flex flex-col gap-2" data-testid="my-proposals">
                      {s.proposals.map((p) => (
                        <li key={p.partner.reference} className="rounded-8 border border-solid-gray-420 p-3">
                          <SheetCell sheet={p.partner} />
                          <span className="mt-1 block text-std-16N-170">{t('matching.mine.ranks', { mine: p.myRank, theirs: p.theirRank })}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-std-16N-170">{t('matching.mine.noProposals')}</p>
                  )}
                  {s.missed ? (
                    <p className="mt-3 max-w-4xl text-std-16N-170">
                      {t('matching.mine.missed', { n: s.missed.rank, reference: s.missed.reference })}
                      {s.missed.message[lang]}
                    </p>
                  ) : null}
                </div>
              ) : null}
              <RankingEditor round={round} sheet={s} onSaved={state.reload} />
            </section>
          ))}
          <section aria-labelledby="other-heading">
            <SectionHeading id="other-heading">{t('matching.mine.otherHeading', { count: round.otherSide.length })}</SectionHeading>
            <ul className="flex flex-col gap-2">
              {round.otherSide.map((o) => (
                <li key={o.sheetId} className="rounded-8 border border-solid-gray-420 p-3">
                  <SheetCell sheet={o} />
                  <span className="mt-1 block text-dns-14N-130">{t('matching.mine.otherCapacity', { n: o.capacity })}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

/** One matching round (/matching/:id): the center manages and runs it; each participant ranks and sees its own proposals. */
export function MatchingRoundPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { account } = useSession();
  const manager = account ? managerRoles.includes(account.role) : false;
  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/matching">{t('matching.back')}</Link>
      </p>
      {manager ? <ManagerView id={id} /> : <RankerView id={id} />}
    </>
  );
}
