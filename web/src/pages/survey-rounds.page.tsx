// アンケートの実施回 (NPA): the rounds with their state and response rate (/admin/surveys), and a new
// round made from a definition (template) with its audience, dates, anonymity and targets
// (/admin/surveys/new).
import { useMemo, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { fieldErrorsFrom, type FieldErrors } from '../form-errors.ts';
import { useLang } from '../i18n.ts';
import { CheckboxGroup } from '../modules/wishes/checkbox-group.tsx';
import { useOrganisation, usePublicOrganisations } from '../modules/organisations/organisations.api.ts';
import { addTargets, createRound, useDefinitions, useRounds, type SurveyRound } from '../modules/surveys/surveys.api.ts';
import { Button, buttonClass } from '../ui/button.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDate, isoDateInJapan } from '../ui/format.ts';
import { responsesText } from '../modules/surveys/survey-text.ts';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle, type BadgeTone } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';

const stateTone: Record<SurveyRound['state'], BadgeTone> = { draft: 'gray', open: 'blue', closed: 'green' };

export function RoundStateBadge({ state }: { state: SurveyRound['state'] }) {
  const { t } = useTranslation();
  return <Badge tone={stateTone[state]}>{t(`surveys.roundState.${state}`)}</Badge>;
}

export function SurveyRoundsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('surveys.rounds.title'));
  const rounds = useRounds();
  return (
    <>
      <PageHeading title={t('surveys.rounds.title')} lead={t('surveys.rounds.lead')}>
        <p className="mt-6">
          <Link to="/admin/surveys/new" className={buttonClass('primary', 'md')} data-testid="new-round">
            {t('surveys.rounds.create')}
          </Link>
        </p>
      </PageHeading>
      {rounds.loading ? <Loading /> : null}
      {rounds.error ? <ErrorAlert error={rounds.error} title={t('errors.loadFailed')} onRetry={rounds.reload} /> : null}
      {rounds.data ? (
        rounds.data.items.length === 0 ? (
          <p className="text-std-16N-170">{t('surveys.rounds.none')}</p>
        ) : (
          <Table caption={t('surveys.rounds.caption')} testId="survey-rounds">
            <thead>
              <tr>
                <Th>{t('surveys.rounds.round')}</Th>
                <Th>{t('surveys.rounds.audience')}</Th>
                <Th>{t('surveys.rounds.period')}</Th>
                <Th>{t('surveys.rounds.state')}</Th>
                <Th className="text-right">{t('surveys.rounds.responses')}</Th>
                <Th className="whitespace-nowrap">{t('surveys.rounds.results')}</Th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.items.map((r) => (
                <Tr key={r.id}>
                  <Th scope="row">
                    <Link to={`/admin/surveys/${r.id}`} data-testid={`round-${r.id}`}>
                      {r.title[lang]}
                    </Link>
                    {r.anonymous ? <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('surveys.anonymous')}</span> : null}
                  </Th>
                  <Td>{t(`surveys.audience.${r.audience}`)}</Td>
                  <Td className="min-w-40">
                    {formatDate(r.opensOn, lang)} – {formatDate(r.closesOn, lang)}
                  </Td>
                  <Td>
                    <RoundStateBadge state={r.state} />
                  </Td>
                  <Td className="text-right tabular-nums whitespace-nowrap">
                    {responsesText(r, lang, t)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {r.state === 'draft' ? (
                      '—'
                    ) : (
                      <Link to={`/admin/surveys/${r.id}/results`} data-testid={`round-results-${r.id}`} aria-label={t('surveys.rounds.resultsOf', { title: r.title[lang] })}>
                        {t('surveys.rounds.results')}
                      </Link>
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )
      ) : null}
    </>
  );
}

type Draft = {
  definition: string; // key@version
  titleJa: string;
  titleEn: string;
  opensOn: string;
  closesOn: string;
  anonymous: boolean;
  minN: string;
  remindDaysBefore: string;
  targetMode: 'all' | 'chosen';
  includeAgencies: boolean;
  organisationIds: string[];
  /** HR lines (人事担当の系統: bureaux) answering separately */
  orgUnitIds: string[];
  returnedWithinYears: string;
  direction: '' | 'hire' | 'dispatch';
};

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function SurveyRoundNewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  usePageTitle(t('surveys.newRound.title'));
  const definitions = useDefinitions();
  const organisations = usePublicOrganisations();
  const today = isoDateInJapan(new Date());
  const [d, setD] = useState<Draft>({
    definition: '',
    titleJa: '',
    titleEn: '',
    opensOn: today,
    closesOn: addDays(today, 30),
    anonymous: false,
    minN: '5',
    remindDaysBefore: '7',
    targetMode: 'all',
    includeAgencies: true,
    organisationIds: [],
    orgUnitIds: [],
    returnedWithinYears: '3',
    direction: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const chosen = useMemo(() => definitions.data?.items.find((x) => `${x.key}@${x.version}` === d.definition) ?? null, [definitions.data, d.definition]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const err = (path: string) => errors[path]?.[lang];

  const submit = async () => {
    setFailure(null);
    const local: FieldErrors = {};
    if (!chosen) local['definitionKey'] = { ja: '設問定義を選択してください。', en: 'Choose a questionnaire.' };
    if (chosen?.audience === 'organisation' && d.targetMode === 'chosen' && d.organisationIds.length === 0 && d.orgUnitIds.length === 0)
      local['organisationIds'] = { ja: t('surveys.newRound.noTargets', { lng: 'ja' }), en: t('surveys.newRound.noTargets', { lng: 'en' }) };
    if (Object.keys(local).length) {
      setErrors(local);
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const round = await createRound({
        definitionKey: chosen!.key,
        definitionVersion: chosen!.version,
        title: { ja: d.titleJa, en: d.titleEn },
        opensOn: d.opensOn,
        closesOn: d.closesOn,
        anonymous: d.anonymous,
        minN: Number(d.minN) || 5,
        remindDaysBefore: Number(d.remindDaysBefore) || 0,
      });
      if (chosen!.audience === 'organisation') {
        await addTargets(round.id, d.targetMode === 'all' ? { allOrganisations: true, includeAgencies: d.includeAgencies } : { organisationIds: d.organisationIds.map(Number), orgUnitIds: d.orgUnitIds.map(Number) });
      } else {
        await addTargets(round.id, { returnedWithinYears: Number(d.returnedWithinYears) || 3, ...(d.direction ? { direction: d.direction } : {}) });
      }
      navigate(`/admin/surveys/${round.id}`, { state: { created: true } });
    } catch (e) {
      const apiErr = e instanceof ApiError ? e : null;
      if (apiErr?.fields.length) {
        setErrors(fieldErrorsFrom(apiErr));
        setFocusKey((k) => k + 1);
      } else setFailure(apiErr ?? new ApiError(0, 'unexpected', { ja: t('errors.unexpected'), en: t('errors.unexpected') }));
    } finally {
      setBusy(false);
    }
  };

  const fields: Array<{ path: string; id: string; label: string }> = [
    { path: 'definitionKey', id: 'round-definition', label: t('surveys.newRound.definition') },
    { path: 'title.ja', id: 'round-title-ja', label: t('surveys.newRound.titleJa') },
    { path: 'title.en', id: 'round-title-en', label: t('surveys.newRound.titleEn') },
    { path: 'opensOn', id: 'round-opens', label: t('surveys.newRound.opensOn') },
    { path: 'closesOn', id: 'round-closes', label: t('surveys.newRound.closesOn') },
    { path: 'minN', id: 'round-min-n', label: t('surveys.newRound.minN') },
    { path: 'remindDaysBefore', id: 'round-remind', label: t('surveys.newRound.remind') },
    { path: 'organisationIds', id: 'round-orgs', label: t('surveys.newRound.organisations') },
  ];
  const summary = [
    ...fields.filter((f) => errors[f.path]).map((f) => ({ fieldId: f.id, message: t('errorSummary.item', { label: f.label, message: errors[f.path]![lang] }) })),
    ...Object.entries(errors)
      .filter(([p]) => !fields.some((f) => f.path === p))
      .map(([, m]) => ({ message: m[lang] })),
  ];

  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/admin/surveys">{t('surveys.rounds.back')}</Link>
      </p>
      <PageHeading title={t('surveys.newRound.title')} lead={t('surveys.newRound.lead')} />
      {definitions.loading ? <Loading /> : null}
      {definitions.error ? <ErrorAlert error={definitions.error} title={t('errors.loadFailed')} onRetry={definitions.reload} /> : null}
      <form
        noValidate
        className="flex max-w-3xl flex-col gap-6"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {summary.length ? <ErrorSummary items={summary} focusKey={focusKey} /> : null}
        {failure ? <ErrorAlert error={failure} title={t('surveys.newRound.failed')} /> : null}
        <Select
          id="round-definition"
          label={t('surveys.newRound.definition')}
          hint={t('surveys.newRound.definitionHint')}
          required
          value={d.definition}
          error={err('definitionKey')}
          onChange={(e) => {
            const v = e.target.value;
            const def = definitions.data?.items.find((x) => `${x.key}@${x.version}` === v);
            setD((x) => ({ ...x, definition: v, titleJa: x.titleJa || (def?.title.ja ?? ''), titleEn: x.titleEn || (def?.title.en ?? '') }));
          }}
        >
          <option value="">{t('common.choose')}</option>
          {definitions.data?.items.map((x) => (
            <option key={`${x.key}@${x.version}`} value={`${x.key}@${x.version}`}>
              {x.title[lang]}（{t(`surveys.audience.${x.audience}`)}・v{x.version}・{t('surveys.newRound.questions', { count: x.questionCount })}）
            </option>
          ))}
        </Select>
        {chosen ? (
          <p className="text-std-16N-170">
            <Link to={`/admin/surveys/preview/${chosen.key}/${chosen.version}`} target="_blank" data-testid="definition-preview-link">
              {t('surveys.newRound.preview')}
            </Link>
          </p>
        ) : null}
        <TextField id="round-title-ja" label={t('surveys.newRound.titleJa')} required value={d.titleJa} error={err('title.ja')} onChange={(e) => set('titleJa', e.target.value)} />
        <TextField id="round-title-en" label={t('surveys.newRound.titleEn')} required value={d.titleEn} error={err('title.en')} onChange={(e) => set('titleEn', e.target.value)} />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField id="round-opens" type="date" label={t('surveys.newRound.opensOn')} required value={d.opensOn} error={err('opensOn')} onChange={(e) => set('opensOn', e.target.value)} />
          <TextField id="round-closes" type="date" label={t('surveys.newRound.closesOn')} required value={d.closesOn} error={err('closesOn')} onChange={(e) => set('closesOn', e.target.value)} />
        </div>
        <NumberField
          id="round-remind"
          min={0}
          max={60}
          label={t('surveys.newRound.remind')}
          hint={t('surveys.newRound.remindHint')}
          value={d.remindDaysBefore}
          error={err('remindDaysBefore')}
          onChange={(e) => set('remindDaysBefore', e.target.value)}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{t('surveys.newRound.privacy')}</legend>
          <label htmlFor="round-anonymous" className="flex min-h-11 cursor-pointer items-center gap-3 text-std-16N-170">
            <input id="round-anonymous" type="checkbox" className="size-5 accent-blue-900" checked={d.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />
            <span>{t('surveys.newRound.anonymous')}</span>
          </label>
          <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('surveys.newRound.anonymousHint')}</p>
          {d.anonymous ? (
            <NumberField
              id="round-min-n"
              min={1}
              label={t('surveys.newRound.minN')}
              hint={t('surveys.newRound.minNHint')}
              value={d.minN}
              error={err('minN')}
              onChange={(e) => set('minN', e.target.value)}
            />
          ) : null}
        </fieldset>
        {chosen ? (
          <section aria-labelledby="round-targets-heading">
            <SectionHeading id="round-targets-heading">{t('surveys.newRound.targets')}</SectionHeading>
            {chosen.audience === 'organisation' ? (
              <div className="flex flex-col gap-4">
                <fieldset className="flex flex-col gap-1">
                  <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{t('surveys.newRound.targetMode')}</legend>
                  {(['all', 'chosen'] as const).map((m) => (
                    <label key={m} htmlFor={`round-target-${m}`} className="flex min-h-11 cursor-pointer items-center gap-3 text-std-16N-170">
                      <input id={`round-target-${m}`} type="radio" name="round-target-mode" className="size-5 accent-blue-900" checked={d.targetMode === m} onChange={() => set('targetMode', m)} />
                      <span>{t(`surveys.newRound.targetModes.${m}`)}</span>
                    </label>
                  ))}
                </fieldset>
                {d.targetMode === 'all' ? (
                  <label htmlFor="round-agencies" className="flex min-h-11 cursor-pointer items-center gap-3 text-std-16N-170">
                    <input id="round-agencies" type="checkbox" className="size-5 accent-blue-900" checked={d.includeAgencies} onChange={(e) => set('includeAgencies', e.target.checked)} />
                    <span>{t('surveys.newRound.includeAgencies')}</span>
                  </label>
                ) : organisations.data ? (
                  <CheckboxGroup
                    id="round-orgs"
                    legend={t('surveys.newRound.organisations')}
                    hint={t('surveys.newRound.organisationsHint', { count: d.organisationIds.length })}
                    error={err('organisationIds')}
                    options={organisations.data.items.map((o) => ({ value: String(o.id), label: lang === 'ja' ? o.nameJa : o.nameEn }))}
                    value={d.organisationIds}
                    onChange={(v) => set('organisationIds', v)}
                    columns={2}
                  />
                ) : null}
                {d.targetMode === 'chosen' && organisations.data ? (
                  <HrLines organisations={organisations.data.items} value={d.orgUnitIds} onChange={(v) => set('orgUnitIds', v)} />
                ) : d.targetMode === 'chosen' ? (
                  <Loading />
                ) : null}
              </div>
            ) : (
              <div className="flex flex-col gap-4">
                <NumberField
                  id="round-returned"
                  min={1}
                  max={30}
                  label={t('surveys.newRound.returnedWithin')}
                  hint={t('surveys.newRound.returnedWithinHint')}
                  value={d.returnedWithinYears}
                  onChange={(e) => set('returnedWithinYears', e.target.value)}
                />
                <Select id="round-direction" label={t('surveys.newRound.direction')} value={d.direction} onChange={(e) => set('direction', e.target.value as Draft['direction'])}>
                  <option value="">{t('common.all')}</option>
                  <option value="hire">{t('surveys.direction.hire')}</option>
                  <option value="dispatch">{t('surveys.direction.dispatch')}</option>
                </Select>
              </div>
            )}
          </section>
        ) : null}
        <div>
          <Button type="submit" disabled={busy} data-testid="round-create">
            {busy ? t('surveys.newRound.creating') : t('surveys.newRound.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** 人事担当の系統ごとの回答: choose an organisation, then the bureaux that answer separately (orgUnitIds). */
/** A short whole-number field (days, a count, years). */
function NumberField(props: ComponentProps<typeof TextField>) {
  return <TextField type="number" inputMode="numeric" inputClassName="max-w-32" {...props} />;
}

function HrLines({ organisations, value, onChange }: { organisations: { id: number; nameJa: string; nameEn: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [orgId, setOrgId] = useState('');
  const tree = useOrganisation(orgId || undefined);
  const units = tree.data?.units ?? [];
  const inOrg = new Set(units.map((u) => String(u.id)));
  return (
    <fieldset className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
      <legend className="px-1 text-std-16B-170 text-solid-gray-900">{t('surveys.newRound.hrLines')}</legend>
      <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('surveys.newRound.hrLinesHint', { count: value.length })}</p>
      <Select id="round-hr-org" label={t('surveys.newRound.hrLinesOrganisation')} value={orgId} onChange={(e) => setOrgId(e.target.value)} className="sm:w-96">
        <option value="">{t('common.choose')}</option>
        {organisations.map((o) => (
          <option key={o.id} value={String(o.id)}>
            {lang === 'ja' ? o.nameJa : o.nameEn}
          </option>
        ))}
      </Select>
      {orgId && tree.loading ? <Loading /> : null}
      {orgId && tree.data ? (
        units.length ? (
          <CheckboxGroup
            id="round-units"
            legend={t('surveys.newRound.hrLinesUnits', { organisation: lang === 'ja' ? tree.data.nameJa : tree.data.nameEn })}
            options={units.map((u) => ({ value: String(u.id), label: lang === 'ja' ? u.nameJa : u.nameEn }))}
            value={value.filter((v) => inOrg.has(v))}
            onChange={(v) => onChange([...value.filter((x) => !inOrg.has(x)), ...v])}
            columns={2}
          />
        ) : (
          <p className="text-std-16N-170">{t('surveys.newRound.hrLinesNone')}</p>
        )
      ) : null}
    </fieldset>
  );
}
