import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyMessage } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { useSession } from '../accounts/session.tsx';
import { cx } from '../../ui/cx.ts';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { fullReading, type Person } from '../people/people.api.ts';
import { ruleIds, screeningStatuses } from './criteria.api.ts';
import { modeScreeningFromParams, screeningModes, type ModeScreeningSearch, type ScreeningMode } from './screening-search.ts';
import { SearchPicker } from './search-picker.tsx';
import { personLabel, searchPeople } from './record-search.ts';
import { UnitSelect } from './unit-select.tsx';

type Props = {
  value: ModeScreeningSearch;
  /** The official's name when the URL names one (the form starts from a shared link). */
  personName: string | null;
  onSearch: (s: ModeScreeningSearch) => void;
  /** Clears the filters, keeping the mode chosen. */
  onClear: (s: ModeScreeningSearch) => void;
  /** The mode chosen in the form (not yet searched). */
  onModeChange?: (mode: ScreeningMode) => void;
};

/** Rules about the person: not applied to a post screened before anyone is named. */
const personOnlyRules = new Set<string>(['contract_involvement']);

export function ScreeningForm({ value, personName, onSearch, onClear, onModeChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const ownOrganisationId = account?.role === 'ministry_hr' ? account.organisationId : undefined;
  const [draft, setDraft] = useUrlDraft(value);
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  // The last search refused for a missing field; its message clears once the field is filled.
  const [missing, setMissing] = useState<ScreeningMode | null>(null);
  const [attempt, setAttempt] = useState(0);
  const set = (k: Exclude<keyof ModeScreeningSearch, 'page' | 'mode'>) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const post = draft.mode === 'post';
  // The post's unit is marked required; the summary below reports it, not the browser's bubble.
  const modeFieldset = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (modeFieldset.current?.form) modeFieldset.current.form.noValidate = true;
  }, []);

  const label = draft.personId ? (picked?.id === draft.personId ? picked.label : draft.personId === value.personId && personName ? personName : `ID ${draft.personId}`) : null;

  const chooseMode = (mode: ScreeningMode) => {
    setMissing(null);
    onModeChange?.(mode);
    setDraft((d) => ({
      ...d,
      mode,
      // A ministry's HR screens the posts of its own ministry: start there.
      organisationId: mode === 'post' && !d.organisationId && ownOrganisationId != null ? String(ownOrganisationId) : d.organisationId,
      ruleId: mode === 'post' && personOnlyRules.has(d.ruleId) ? '' : d.ruleId,
    }));
  };

  const personMissing = missing === 'person' && draft.mode === 'person' && !draft.personId;
  const unitMissing = missing === 'post' && post && !draft.unitId;
  const summary: SummaryItem[] = [];
  if (personMissing) summary.push({ fieldId: 'screening-person', message: t('errorSummary.item', { label: t('criteria.screening.person'), message: copyMessage('choose')[lang] }) });
  if (unitMissing) {
    const which = draft.organisationId ? 'unit' : 'organisation';
    summary.push({
      fieldId: `screening-${which}Id`,
      message: t('errorSummary.item', { label: t(`criteria.check.${which}`), message: copyMessage('choose')[lang] }),
    });
  }

  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      <SearchPanel
        id="screening-search"
        heading={t('criteria.screening.searchHeading')}
        onSubmit={() => {
          if (post ? !draft.unitId : !draft.personId) {
            setMissing(draft.mode);
            setAttempt((a) => a + 1);
            return;
          }
          setMissing(null);
          onSearch({ ...draft, personId: post ? '' : draft.personId, page: 1 });
        }}
        onClear={() => {
          const cleared: ModeScreeningSearch = {
            ...modeScreeningFromParams(new URLSearchParams()),
            mode: draft.mode,
            organisationId: post && ownOrganisationId != null ? String(ownOrganisationId) : '',
          };
          setPicked(null);
          setMissing(null);
          setDraft(cleared);
          onClear(cleared);
        }}
      >
        <fieldset ref={modeFieldset}>
          <legend className="mb-3 text-std-17B-170 text-solid-gray-900">{t('criteria.screening.modeLegend')}</legend>
          <div className="grid max-w-4xl grid-cols-1 gap-3 md:grid-cols-2">
            {screeningModes.map((m) => (
              <label
                key={m}
                className={cx(
                  'flex cursor-pointer items-start gap-3 rounded-8 border p-4 hover:bg-blue-50',
                  draft.mode === m ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-600 bg-white',
                )}
              >
                <input
                  type="radio"
                  name="screening-mode"
                  value={m}
                  data-testid={`screening-mode-${m}`}
                  className="mt-1.5 size-5 shrink-0 accent-blue-900"
                  checked={draft.mode === m}
                  aria-describedby={`screening-mode-${m}-hint`}
                  onChange={() => chooseMode(m)}
                />
                <span className="flex flex-col">
                  <span className="text-std-16B-170">{t(`criteria.screening.mode.${m}`)}</span>
                  <span id={`screening-mode-${m}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
                    {t(`criteria.screening.mode.${m}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {post ? (
          <fieldset className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="pick-post">
            <legend className="px-1 text-std-17B-170 text-solid-gray-900">{t('criteria.screening.postLegend')}</legend>
            <UnitSelect
              idPrefix="screening-"
              organisationId={draft.organisationId}
              unitId={draft.unitId}
              onlyOrganisationId={ownOrganisationId}
              required
              organisationHint={t(ownOrganisationId != null ? 'criteria.check.organisationHintOwn' : 'criteria.screening.postOrganisationHint')}
              unitHint={t('criteria.screening.postUnitHint')}
              unitError={unitMissing ? t(draft.organisationId ? 'criteria.screening.unitRequired' : 'criteria.screening.organisationAndUnitRequired') : undefined}
              onChange={({ organisationId, unitId }) => setDraft((d) => ({ ...d, organisationId, unitId }))}
            />
          </fieldset>
        ) : (
          <>
            <SearchPicker<Person>
              // A new search in the URL folds the list of candidates away.
              key={value.personId}
              id="screening-person"
              testId="pick-official"
              legend={t('criteria.screening.person')}
              hint={t('criteria.screening.personHint')}
              searchLabel={t('criteria.check.personSearch')}
              searchHint={t('criteria.check.personSearchHint')}
              required
              error={personMissing ? t('criteria.screening.personRequired') : undefined}
              selected={draft.personId && label ? { id: Number(draft.personId), label } : null}
              onSelect={(p) => {
                setPicked(p ? { id: String(p.id), label: personLabel(p) } : null);
                setDraft((d) => ({ ...d, personId: p ? String(p.id) : '' }));
              }}
              search={searchPeople}
              itemLabel={personLabel}
              itemDetail={(p) => [fullReading(p), t(`people.kind.${p.kind}`)].filter(Boolean).join('・')}
            />
            <UnitSelect
              idPrefix="screening-"
              organisationId={draft.organisationId}
              unitId={draft.unitId}
              onlyOrganisationId={ownOrganisationId}
              organisationHint={t('criteria.screening.organisationHint')}
              unitHint={t('criteria.screening.unitHint')}
              emptyLabels={{ organisation: t('criteria.screening.organisationDefault'), unit: t('criteria.screening.unitDefault') }}
              onChange={({ organisationId, unitId }) => setDraft((d) => ({ ...d, organisationId, unitId }))}
            />
          </>
        )}
        <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            id="screening-start"
            type="date"
            label={t('criteria.check.plannedStart')}
            hint={t('criteria.screening.startHint')}
            value={draft.plannedStart}
            onChange={(e) => set('plannedStart')(e.target.value)}
          />
          <Select id="screening-status" label={t('criteria.screening.statusFilter')} value={draft.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {screeningStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`criteria.screening.status.${s}`)}
              </option>
            ))}
          </Select>
          <Select id="screening-rule" label={t('criteria.screening.ruleFilter')} value={draft.ruleId} onChange={(e) => set('ruleId')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ruleIds
              .filter((r) => !post || !personOnlyRules.has(r))
              .map((r) => (
                <option key={r} value={r}>
                  {t(`criteria.rules.${r}`)}
                </option>
              ))}
          </Select>
          <TextField
            id="screening-q"
            type="search"
            label={t('criteria.screening.q')}
            autoComplete="off"
            maxLength={200}
            value={draft.q}
            onChange={(e) => set('q')(e.target.value)}
          />
        </div>
      </SearchPanel>
    </>
  );
}
