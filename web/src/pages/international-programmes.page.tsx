// The NPA's international programmes (issue 8 items 1, 4–7): host organisations (editable), seminars
// for foreign officials (per year "N people from M countries" and cumulative with the published
// baseline), Mike Mansfield fellowships, foreign delegations (yearly counts) and the networks'
// events (ACCSM+3, 日中韓). Each page: the records as tables, and a short form to add one.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../api-hooks.ts';
import { isApiError } from '../api.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { errorText } from '../modules/international/consultation-forms.tsx';
import {
  intlApi,
  mayIntl,
  useDelegations,
  useFellowships,
  useHostOrganisations,
  useNetworkEvents,
  useSeminarSessions,
  useSeminars,
} from '../modules/international/international.api.ts';
import { ExportLinks, fyLabel, HostTypeOptions, Loaded, RegionOptions, useIntlLabels } from '../modules/international/intl-ui.tsx';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { Badge, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextArea } from '../ui/text-area.tsx';
import { TextField } from '../ui/text-field.tsx';

/** A form that posts once, reloads the list and clears itself; the server's field errors are listed with their labels above the button. */
function AddForm({
  id,
  heading,
  onSubmit,
  children,
  reload,
  labels = {},
  onSaved,
}: {
  id: string;
  heading: string;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
  reload: () => void;
  /** field path (first segment) → label */
  labels?: Record<string, string>;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [error, setError] = useState<ReactNode>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await onSubmit();
      setDone(true);
      onSaved?.();
      reload();
    } catch (e2) {
      if (isApiError(e2) && e2.fields.length) {
        setError(
          <ul className="list-disc pl-5">
            {e2.fields.map((f, i) => (
              <li key={i}>{t('errorSummary.item', { label: labels[f.path.split('.')[0]!] ?? f.path, message: f.message[lang] })}</li>
            ))}
          </ul>,
        );
      } else setError(errorText(e2, lang, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <h2 id={`${id}-heading`} className="mb-4 text-std-20B-150">
        {heading}
      </h2>
      <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-4" data-testid={`${id}-form`}>
        {children}
        {error ? (
          <Alert tone="error" live="assertive">
            {error}
          </Alert>
        ) : null}
        {done ? (
          <Alert tone="success" live="polite">
            {t('international.programmes.saved')}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={busy}>
            {t('international.programmes.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Country or region name from its ISO code in the page's language (the code when unknown). */
export function countryName(code: string, lang: 'ja' | 'en'): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const list = (s: string) => s.split(/[,、，]/).map((l) => l.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? null : Number(s));

function useNpa() {
  const { account } = useSession();
  return mayIntl.manage(account?.role);
}

// ---------------------------------------------------------------- host organisations

export function InternationalOrganisationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.organisations.title'));
  const npa = useNpa();
  const orgs = useHostOrganisations(true);
  const { regions, regionName } = useIntlLabels();
  const [f, setF] = useState({ code: '', nameJa: '', nameEn: '', hostType: '', region: '', seat: '', source: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const [rowError, setRowError] = useState<string>();
  return (
    <>
      <PageHeading title={t('international.organisations.title')} lead={t('international.organisations.lead')} />
      {rowError ? (
        <Alert tone="error" live="assertive" className="mb-4">
          {rowError}
        </Alert>
      ) : null}
      <Loaded state={orgs}>
        {(data) => (
          <Table caption={t('international.organisations.caption', { count: data.items.length })} testId="organisations-table">
            <thead>
              <tr>
                <Th>{t('international.organisations.name')}</Th>
                <Th>{t('international.dispatch.hostType')}</Th>
                <Th>{t('international.dispatch.region')}</Th>
                <Th>{t('international.organisations.seat')}</Th>
                <Th>{t('international.organisations.active')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <Tr key={o.id}>
                  <Th scope="row" className="text-left">
                    {o.name[lang]}
                    <span className="block text-dns-14N-130 text-solid-gray-700">{o.code}</span>
                  </Th>
                  <Td>{t(`international.hostType.${o.hostType}`)}</Td>
                  <Td>{regionName(o.region)}</Td>
                  <Td>{o.seat ?? ''}</Td>
                  <Td>
                    {o.active ? <Badge tone="green">{t('international.organisations.inUse')}</Badge> : <Badge>{t('international.organisations.retired')}</Badge>}
                    {npa ? (
                      <Button
                        size="sm"
                        variant="tertiary"
                        aria-label={t(o.active ? 'international.organisations.retireNamed' : 'international.organisations.restoreNamed', { name: o.name[lang] })}
                        onClick={() => {
                          setRowError(undefined);
                          intlApi.patchOrganisation(o.id, { version: o.version, active: !o.active }).then(orgs.reload, (e: unknown) => setRowError(errorText(e, lang, t('errors.unexpected'))));
                        }}
                      >
                        {t(o.active ? 'international.organisations.retire' : 'international.organisations.restore')}
                      </Button>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Loaded>
      {npa ? (
        <AddForm
          id="organisation"
          labels={{ code: t('international.organisations.code'), nameJa: t('international.organisations.nameJa'), nameEn: t('international.organisations.nameEn'), hostType: t('international.dispatch.hostType'), region: t('international.dispatch.region'), seat: t('international.organisations.seat'), source: t('international.organisations.source') }}
          onSaved={() => setF({ code: '', nameJa: '', nameEn: '', hostType: '', region: '', seat: '', source: '' })}
          heading={t('international.organisations.add')}
          reload={orgs.reload}
          onSubmit={() => intlApi.createOrganisation({ ...f, seat: f.seat || null })}
        >
          <TextField id="org-code" label={t('international.organisations.code')} hint={t('international.organisations.codeHint')} required value={f.code} onChange={set('code')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="org-nameJa" label={t('international.organisations.nameJa')} required value={f.nameJa} onChange={set('nameJa')} />
            <TextField id="org-nameEn" label={t('international.organisations.nameEn')} required value={f.nameEn} onChange={set('nameEn')} lang="en" />
            <Select id="org-hostType" label={t('international.dispatch.hostType')} required value={f.hostType} onChange={set('hostType')}>
              <HostTypeOptions />
            </Select>
            <Select id="org-region" label={t('international.dispatch.region')} required value={f.region} onChange={set('region')}>
              <RegionOptions regions={regions} />
            </Select>
          </div>
          <TextField id="org-seat" label={t('international.organisations.seat')} required={false} value={f.seat} onChange={set('seat')} />
          <TextField id="org-source" label={t('international.organisations.source')} required value={f.source} onChange={set('source')} />
        </AddForm>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- seminars

export function InternationalSeminarsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.seminars.title'));
  const npa = useNpa();
  const seminars = useSeminars();
  const sessions = useSeminarSessions();
  const { ref } = useIntlLabels();
  const [f, setF] = useState({ courseCode: '', fiscalYear: '', startDate: '', endDate: '', lengthLabel: '', participants: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <>
      <PageHeading title={t('international.seminars.title')} lead={t('international.seminars.lead')} />
      <Loaded state={seminars}>
        {(data) => (
          <>
            {data.courses.map((c) => (
              <section key={c.code} aria-labelledby={`course-${c.code}`} data-testid={`course-${c.code}`}>
                <SectionHeading id={`course-${c.code}`}>{c.name[lang]}</SectionHeading>
                <p className="mb-3">
                  {c.lastFy ? t('international.seminars.heldFromTo', { from: fyLabel(c.firstFy, lang), to: fyLabel(c.lastFy, lang) }) : t('international.seminars.heldFrom', { from: fyLabel(c.firstFy, lang) })}
                  {c.mergedInto ? ` ${t('international.seminars.mergedInto', { name: data.courses.find((x) => x.code === c.mergedInto)?.name[lang] ?? c.mergedInto })}` : ''}
                </p>
                {c.cumulative ? (
                  <p className="mb-3 text-std-17B-170" data-testid={`cumulative-${c.code}`}>
                    {t('international.seminars.cumulative', { from: fyLabel(c.cumulative.fromFy, lang), through: fyLabel(c.cumulative.throughFy, lang) })}
                    {c.cumulative.label[lang]}
                    {!c.cumulative.complete ? <span className="ml-2 text-std-16N-170 text-solid-gray-700">{t('international.seminars.incomplete', { years: c.cumulative.missingYears.join(', ') })}</span> : null}
                  </p>
                ) : null}
                {c.years.length ? (
                  <Table caption={t('international.seminars.yearsCaption', { name: c.name[lang] })}>
                    <thead>
                      <tr>
                        <Th>{t('international.figures.fiscalYear')}</Th>
                        <Th className="text-right">{t('international.seminars.people')}</Th>
                        <Th className="text-right">{t('international.seminars.countries')}</Th>
                        <Th>{t('international.seminars.label')}</Th>
                        <Th>{t('international.figures.source')}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.years.map((y) => (
                        <Tr key={y.fiscalYear}>
                          <Th scope="row" className="text-left">
                            {fyLabel(y.fiscalYear, lang)}
                          </Th>
                          <Td className="text-right tabular-nums">{y.people}</Td>
                          <Td className="text-right tabular-nums">{y.countries}</Td>
                          <Td>{y.label[lang]}</Td>
                          <Td>{y.source === 'records' ? t('international.figures.fromRecords') : t('international.figures.publishedValue')}</Td>
                        </Tr>
                      ))}
                    </tbody>
                  </Table>
                ) : null}
              </section>
            ))}
          </>
        )}
      </Loaded>
      <section aria-labelledby="sessions-heading">
        <SectionHeading id="sessions-heading">{t('international.seminars.sessions')}</SectionHeading>
        <Loaded state={sessions}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('international.programmes.none')}</p>
            ) : (
              <Table caption={t('international.seminars.sessionsCaption')} testId="seminar-sessions">
                <thead>
                  <tr>
                    <Th>{t('international.figures.fiscalYear')}</Th>
                    <Th>{t('international.seminars.course')}</Th>
                    <Th>{t('international.seminars.period')}</Th>
                    <Th className="text-right">{t('international.seminars.people')}</Th>
                    <Th>{t('international.seminars.participantCountries')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((x) => (
                    <Tr key={x.id}>
                      <Th scope="row" className="text-left whitespace-nowrap">
                        {fyLabel(x.fiscalYear, lang)}
                      </Th>
                      <Td>{ref?.seminarCourses.find((c) => c.code === x.courseCode)?.[lang] ?? x.courseCode}</Td>
                      <Td className="whitespace-nowrap">{x.startDate ? `${x.startDate} – ${x.endDate ?? ''}` : (x.lengthLabel ?? '')}</Td>
                      <Td className="text-right tabular-nums">{x.participants.length}</Td>
                      <Td>{[...new Set(x.participants.map((q) => q.country))].map((c) => countryName(c, lang)).join(lang === 'ja' ? '、' : ', ')}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )
          }
        </Loaded>
      </section>
      {npa ? (
        <AddForm
          id="session"
          labels={{ courseCode: t('international.seminars.course'), fiscalYear: t('international.figures.fiscalYear'), startDate: t('international.seminars.startDate'), endDate: t('international.seminars.endDate'), lengthLabel: t('international.seminars.length'), participants: t('international.seminars.participants') }}
          onSaved={() => setF({ courseCode: '', fiscalYear: '', startDate: '', endDate: '', lengthLabel: '', participants: '' })}
          heading={t('international.seminars.add')}
          reload={() => {
            seminars.reload();
            sessions.reload();
          }}
          onSubmit={() =>
            intlApi.create('seminars/sessions', {
              courseCode: f.courseCode,
              fiscalYear: Number(f.fiscalYear),
              startDate: f.startDate || null,
              endDate: f.endDate || null,
              lengthLabel: f.lengthLabel || null,
              participants: lines(f.participants).map((l) => {
                const [country = '', organisation, level] = list(l);
                return { country: country.toUpperCase(), organisation: organisation || null, level: level || null };
              }),
            })
          }
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Select id="session-course" label={t('international.seminars.course')} required value={f.courseCode} onChange={set('courseCode')}>
              <option value="">{t('common.choose')}</option>
              {(ref?.seminarCourses ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c[lang]}
                </option>
              ))}
            </Select>
            <TextField id="session-fy" type="number" inputMode="numeric" label={t('international.figures.fiscalYear')} required value={f.fiscalYear} onChange={set('fiscalYear')} />
            <TextField id="session-start" type="date" label={t('international.seminars.startDate')} required={false} value={f.startDate} onChange={set('startDate')} />
            <TextField id="session-end" type="date" label={t('international.seminars.endDate')} required={false} value={f.endDate} onChange={set('endDate')} />
          </div>
          <TextField id="session-length" label={t('international.seminars.length')} required={false} value={f.lengthLabel} onChange={set('lengthLabel')} />
          <TextArea id="session-participants" label={t('international.seminars.participants')} hint={t('international.seminars.participantsHint')} required value={f.participants} onChange={set('participants')} rows={6} />
        </AddForm>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- fellowships

export function InternationalFellowshipsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.fellowships.title'));
  const npa = useNpa();
  const fellowships = useFellowships();
  const [f, setF] = useState({ cohortNumber: '', fiscalYear: '', programmeMonths: '', fellows: '', arrangements: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <>
      <PageHeading title={t('international.fellowships.title')} lead={t('international.fellowships.lead')} />
      <Loaded state={fellowships}>
        {(data) =>
          data.items.length === 0 ? (
            <p role="status">{t('international.programmes.none')}</p>
          ) : (
            <>
              {data.items.map((c) => (
                <section key={c.id} aria-labelledby={`cohort-${c.id}`}>
                  <SectionHeading id={`cohort-${c.id}`}>
                    {t('international.fellowships.cohort', { n: c.cohortNumber, fy: fyLabel(c.fiscalYear, lang) })}
                  </SectionHeading>
                  {c.programmeMonths ? <p className="mb-3">{t('international.fellowships.months', { count: c.programmeMonths })}</p> : null}
                  <Table caption={t('international.fellowships.fellowsCaption', { n: c.cohortNumber })}>
                    <thead>
                      <tr>
                        <Th>{t('international.fellowships.fellow')}</Th>
                        <Th>{t('international.fellowships.homeAgency')}</Th>
                        <Th>{t('international.fellowships.placements')}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.fellows.map((p) => (
                        <Tr key={p.id}>
                          <Th scope="row" className="text-left">
                            {p.name}
                          </Th>
                          <Td>{p.homeAgency ?? ''}</Td>
                          <Td>{p.placements.map((pl) => `${pl.organisation[lang]}${pl.from ? ` (${pl.from}–${pl.to ?? ''})` : ''}`).join('、')}</Td>
                        </Tr>
                      ))}
                    </tbody>
                  </Table>
                  {c.arrangements.length ? (
                    <>
                      <h3 className="mt-4 mb-2 text-std-18B-160">{t('international.fellowships.arrangements')}</h3>
                      <ul className="list-disc pl-5">
                        {c.arrangements.map((a, i) => (
                          <li key={i}>
                            {t(`international.fellowships.kinds.${a.kind}`)}
                            {a.date ? (lang === 'ja' ? `（${a.date}）` : ` (${a.date})`) : ''}
                            {lang === 'ja' ? '：' : ': '}
                            {a.description}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </section>
              ))}
            </>
          )
        }
      </Loaded>
      {npa ? (
        <AddForm
          id="cohort"
          labels={{ cohortNumber: t('international.fellowships.cohortNumber'), fiscalYear: t('international.figures.fiscalYear'), programmeMonths: t('international.fellowships.programmeMonths'), fellows: t('international.fellowships.fellows'), arrangements: t('international.fellowships.arrangements') }}
          onSaved={() => setF({ cohortNumber: '', fiscalYear: '', programmeMonths: '', fellows: '', arrangements: '' })}
          heading={t('international.fellowships.add')}
          reload={fellowships.reload}
          onSubmit={() =>
            intlApi.create('fellowships', {
              cohortNumber: Number(f.cohortNumber),
              fiscalYear: Number(f.fiscalYear),
              programmeMonths: num(f.programmeMonths),
              fellows: lines(f.fellows).map((l) => {
                const [name = '', homeAgency] = list(l);
                return { name, homeAgency: homeAgency || null, placements: [] };
              }),
              arrangements: lines(f.arrangements).map((description) => ({ kind: 'other', description })),
            })
          }
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField id="cohort-number" type="number" inputMode="numeric" label={t('international.fellowships.cohortNumber')} required value={f.cohortNumber} onChange={set('cohortNumber')} />
            <TextField id="cohort-fy" type="number" inputMode="numeric" label={t('international.figures.fiscalYear')} required value={f.fiscalYear} onChange={set('fiscalYear')} />
            <TextField id="cohort-months" type="number" inputMode="numeric" label={t('international.fellowships.programmeMonths')} required={false} value={f.programmeMonths} onChange={set('programmeMonths')} />
          </div>
          <TextArea id="cohort-fellows" label={t('international.fellowships.fellows')} hint={t('international.fellowships.fellowsHint')} required value={f.fellows} onChange={set('fellows')} rows={4} />
          <TextArea id="cohort-arrangements" label={t('international.fellowships.arrangements')} hint={t('international.fellowships.arrangementsHint')} required={false} value={f.arrangements} onChange={set('arrangements')} rows={3} />
        </AddForm>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- delegations

export function InternationalDelegationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.delegations.title'));
  const npa = useNpa();
  const delegations = useDelegations(lang);
  const orgs = useHostOrganisations(true);
  const partyName = (p: { kind: 'country' | 'organisation'; code: string }) =>
    p.kind === 'country' ? countryName(p.code, lang) : (orgs.data?.items.find((o) => o.code === p.code)?.name[lang] ?? p.code);
  const [f, setF] = useState({ date: '', parties: '', visitors: '', topic: '', npaStaff: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <>
      <PageHeading title={t('international.delegations.title')} lead={t('international.delegations.lead')} />
      <Loaded state={delegations}>
        {(data) => (
          <>
            <section aria-labelledby="delegation-years">
              <SectionHeading id="delegation-years">{t('international.delegations.years')}</SectionHeading>
              <Table caption={t('international.delegations.yearsCaption')} testId="delegation-years-table">
                <thead>
                  <tr>
                    <Th>{t('international.figures.fiscalYear')}</Th>
                    <Th className="text-right">{t('international.delegations.visits')}</Th>
                    <Th className="text-right">{t('international.delegations.countries')}</Th>
                    <Th className="text-right">{t('international.delegations.organisations')}</Th>
                    <Th className="text-right">{t('international.delegations.people')}</Th>
                    <Th>{t('international.seminars.label')}</Th>
                    <Th>{t('international.figures.source')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.years.map((y) => (
                    <Tr key={`${y.fiscalYear}-${y.source}`}>
                      <Th scope="row" className="text-left">
                        {fyLabel(y.fiscalYear, lang)}
                      </Th>
                      <Td className="text-right tabular-nums">{y.visits ?? '－'}</Td>
                      <Td className="text-right tabular-nums">{y.countries ?? '－'}</Td>
                      <Td className="text-right tabular-nums">{y.organisations ?? '－'}</Td>
                      <Td className="text-right tabular-nums">{y.people ?? '－'}</Td>
                      <Td>{y.label[lang]}</Td>
                      <Td>{y.source === 'records' ? t('international.figures.fromRecords') : t('international.figures.publishedValue')}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <ExportLinks what="delegations" label={t('international.delegations.title')} />
            </section>
            <section aria-labelledby="delegation-visits">
              <SectionHeading id="delegation-visits">{t('international.delegations.visitsHeading')}</SectionHeading>
              <Table caption={t('international.delegations.visitsCaption', { count: data.items.length })}>
                <thead>
                  <tr>
                    <Th>{t('international.delegations.date')}</Th>
                    <Th>{t('international.delegations.parties')}</Th>
                    <Th className="text-right">{t('international.delegations.people')}</Th>
                    <Th>{t('international.delegations.topic')}</Th>
                    <Th>{t('international.delegations.npaStaff')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((v) => (
                    <Tr key={v.id}>
                      <Th scope="row" className="text-left whitespace-nowrap">
                        {v.date}
                      </Th>
                      <Td>{v.parties.map((p) => partyName(p)).join(lang === 'ja' ? '、' : ', ')}</Td>
                      <Td className="text-right tabular-nums">{v.visitors ?? '－'}</Td>
                      <Td>{v.topic ?? ''}</Td>
                      <Td>{v.npaStaff.join('、')}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </section>
          </>
        )}
      </Loaded>
      {npa ? (
        <AddForm
          id="delegation"
          labels={{ date: t('international.delegations.date'), parties: t('international.delegations.parties'), visitors: t('international.delegations.people'), topic: t('international.delegations.topic'), npaStaff: t('international.delegations.npaStaff') }}
          onSaved={() => setF({ date: '', parties: '', visitors: '', topic: '', npaStaff: '' })}
          heading={t('international.delegations.add')}
          reload={delegations.reload}
          onSubmit={() =>
            intlApi.create('delegations', {
              date: f.date,
              parties: list(f.parties).map((c) => (/^[A-Za-z]{2}$/.test(c) ? { kind: 'country', code: c.toUpperCase() } : { kind: 'organisation', code: c.toLowerCase() })),
              visitors: num(f.visitors),
              topic: f.topic || null,
              npaStaff: list(f.npaStaff),
            })
          }
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="delegation-date" type="date" label={t('international.delegations.date')} required value={f.date} onChange={set('date')} />
            <TextField id="delegation-visitors" type="number" inputMode="numeric" label={t('international.delegations.people')} required={false} value={f.visitors} onChange={set('visitors')} />
          </div>
          <TextField id="delegation-parties" label={t('international.delegations.parties')} hint={t('international.delegations.partiesHint')} required value={f.parties} onChange={set('parties')} />
          <TextField id="delegation-topic" label={t('international.delegations.topic')} required={false} value={f.topic} onChange={set('topic')} />
          <TextField id="delegation-staff" label={t('international.delegations.npaStaff')} hint={t('international.programmes.commaHint')} required={false} value={f.npaStaff} onChange={set('npaStaff')} />
        </AddForm>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- networks

export function InternationalNetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t('international.networks.title'));
  const npa = useNpa();
  const events = useNetworkEvents();
  const { ref, networkName, eventKindName } = useIntlLabels();
  const lang = useLang();
  const [f, setF] = useState({ network: '', kind: '', startDate: '', endDate: '', place: '', theme: '', host: '', participants: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <>
      <PageHeading title={t('international.networks.title')} lead={t('international.networks.lead')} />
      <EventsTable state={events} networkName={networkName} eventKindName={eventKindName} />
      {npa ? (
        <AddForm
          id="network-event"
          labels={{ network: t('international.networks.network'), kind: t('international.networks.kind'), startDate: t('international.networks.startDate'), endDate: t('international.networks.endDate'), place: t('international.networks.place'), theme: t('international.networks.theme'), host: t('international.networks.host'), participants: t('international.networks.participants') }}
          onSaved={() => setF({ network: '', kind: '', startDate: '', endDate: '', place: '', theme: '', host: '', participants: '' })}
          heading={t('international.networks.add')}
          reload={events.reload}
          onSubmit={() =>
            intlApi.create('network-events', {
              network: f.network,
              kind: f.kind,
              startDate: f.startDate,
              endDate: f.endDate || null,
              place: f.place,
              theme: f.theme,
              host: f.host,
              participants: list(f.participants),
            })
          }
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Select id="event-network" label={t('international.networks.network')} required value={f.network} onChange={set('network')}>
              <option value="">{t('common.choose')}</option>
              {(ref?.networks ?? []).map((n) => (
                <option key={n.code} value={n.code}>
                  {n[lang]}
                </option>
              ))}
            </Select>
            <Select id="event-kind" label={t('international.networks.kind')} required value={f.kind} onChange={set('kind')}>
              <option value="">{t('common.choose')}</option>
              {(ref?.networkEventKinds ?? []).map((n) => (
                <option key={n.code} value={n.code}>
                  {n[lang]}
                </option>
              ))}
            </Select>
            <TextField id="event-start" type="date" label={t('international.networks.startDate')} required value={f.startDate} onChange={set('startDate')} />
            <TextField id="event-end" type="date" label={t('international.networks.endDate')} required={false} value={f.endDate} onChange={set('endDate')} />
          </div>
          <TextField id="event-place" label={t('international.networks.place')} required value={f.place} onChange={set('place')} />
          <TextField id="event-theme" label={t('international.networks.theme')} required value={f.theme} onChange={set('theme')} />
          <TextField id="event-host" label={t('international.networks.host')} required value={f.host} onChange={set('host')} />
          <TextField id="event-participants" label={t('international.networks.participants')} hint={t('international.programmes.commaHint')} required={false} value={f.participants} onChange={set('participants')} />
        </AddForm>
      ) : null}
    </>
  );
}

function EventsTable({
  state,
  networkName,
  eventKindName,
}: {
  state: QueryState<{ items: import('../modules/international/international.api.ts').NetworkEvent[] }>;
  networkName: (c: string) => string;
  eventKindName: (c: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Loaded state={state}>
      {(data) =>
        data.items.length === 0 ? (
          <p role="status">{t('international.programmes.none')}</p>
        ) : (
          <Table caption={t('international.networks.caption', { count: data.items.length })} testId="network-events-table">
            <thead>
              <tr>
                <Th>{t('international.networks.startDate')}</Th>
                <Th>{t('international.networks.network')}</Th>
                <Th>{t('international.networks.kind')}</Th>
                <Th>{t('international.networks.theme')}</Th>
                <Th>{t('international.networks.place')}</Th>
                <Th>{t('international.networks.host')}</Th>
                <Th>{t('international.networks.participants')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <Tr key={e.id}>
                  <Th scope="row" className="text-left whitespace-nowrap">
                    {e.startDate}
                    {e.endDate && e.endDate !== e.startDate ? `–${e.endDate}` : ''}
                  </Th>
                  <Td>{networkName(e.network)}</Td>
                  <Td>{eventKindName(e.kind)}</Td>
                  <Td>{e.theme}</Td>
                  <Td>{e.place}</Td>
                  <Td>{e.host}</Td>
                  <Td>{e.participants.map((c) => (/^[A-Z]{2}$/.test(c) ? countryName(c, lang) : c)).join(lang === 'ja' ? '、' : ', ')}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )
      }
    </Loaded>
  );
}
