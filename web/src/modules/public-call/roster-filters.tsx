import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessages } from '../../../../common/src/messages.ts';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { companySizes } from '../companies/companies.api.ts';
import { pageParam } from '../criteria-data/paged-records.tsx';
import { IndustrySelect } from '../reference/industry-select.tsx';
import { rosterFilterKeys, type RosterFilters } from './public-call.api.ts';

const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
const oneOf = (v: string | null, allowed: readonly string[]) => (v && allowed.includes(v) ? v : '');

/** The roster's filters from the URL (anything malformed is dropped). */
export function rosterFiltersFrom(p: URLSearchParams): RosterFilters {
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    industry: /^[A-T]$/.test(p.get('industry') ?? '') ? p.get('industry')! : '',
    prefecture: /^\d{2}$/.test(p.get('prefecture') ?? '') ? p.get('prefecture')! : '',
    region: (p.get('region') ?? '').slice(0, 40),
    size: oneOf(p.get('size'), companySizes),
    direction: oneOf(p.get('direction'), ['dispatch', 'hire']),
    acceptedFrom: isDate(p.get('acceptedFrom')),
    acceptedTo: isDate(p.get('acceptedTo')),
    page: pageParam(p),
  };
}

export function rosterParamsFrom(f: RosterFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of rosterFilterKeys) {
    const v = k === 'q' ? f.q.trim() : f[k];
    if (v) p.set(k, v);
  }
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The regions (地方) of the prefectures, in their order, each once. */
function regionsOf(reference: ReferenceBundle | undefined) {
  const seen = new Map<string, { ja: string; en: string }>();
  for (const p of reference?.prefectures ?? []) if (!seen.has(p.regionEn)) seen.set(p.regionEn, { ja: p.regionJa, en: p.regionEn });
  return [...seen.values()];
}

type Props = { value: RosterFilters; reference: ReferenceBundle | undefined; onSearch: (f: RosterFilters) => void; onClear: () => void };

export function RosterFiltersForm({ value, reference, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useUrlDraft(value);
  // The one check the browser cannot make by itself: the range's end before its start.
  const [rangeError, setRangeError] = useState(false);
  const set = (k: keyof Omit<RosterFilters, 'page'>) => (v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (k === 'acceptedFrom' || k === 'acceptedTo') setRangeError(false);
  };
  const submit = () => {
    if (draft.acceptedFrom && draft.acceptedTo && draft.acceptedTo < draft.acceptedFrom) {
      setRangeError(true);
      document.getElementById('roster-accepted-to')?.focus();
      return;
    }
    onSearch(draft);
  };
  return (
    <SearchPanel
      id="roster-search"
      heading={t('publicCall.roster.searchHeading')}
      onSubmit={submit}
      onClear={() => {
        setRangeError(false);
        onClear();
      }}
    >
      <TextField
        id="roster-q"
        type="search"
        label={t('publicCall.roster.q')}
        hint={t('publicCall.roster.qHint')}
        autoComplete="off"
        maxLength={200}
        className="max-w-2xl"
        value={draft.q}
        onChange={(e) => set('q')(e.target.value)}
        data-testid="roster-q"
      />
      <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <IndustrySelect id="roster-industry" label={t('publicCall.roster.industry')} value={draft.industry} onChange={(e) => set('industry')(e.target.value)} industries={reference?.industries} />
        <Select id="roster-region" label={t('publicCall.roster.region')} value={draft.region} onChange={(e) => set('region')(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {regionsOf(reference).map((r) => (
            <option key={r.en} value={r.en}>
              {pick(lang, r.ja, r.en)}
            </option>
          ))}
        </Select>
        <Select id="roster-prefecture" label={t('publicCall.roster.prefecture')} value={draft.prefecture} onChange={(e) => set('prefecture')(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {reference?.prefectures
            .filter((p) => !draft.region || p.regionEn === draft.region)
            .map((p) => (
              <option key={p.code} value={p.code}>
                {pick(lang, p.nameJa, p.nameEn)}
              </option>
            ))}
        </Select>
        <Select id="roster-size" label={t('publicCall.roster.size')} value={draft.size} onChange={(e) => set('size')(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {companySizes.map((s) => (
            <option key={s} value={s}>
              {t(`companies.sizes.${s}`)}
            </option>
          ))}
        </Select>
        <Select id="roster-direction" label={t('publicCall.roster.direction')} value={draft.direction} onChange={(e) => set('direction')(e.target.value)} data-testid="roster-direction">
          <option value="">{t('common.all')}</option>
          <option value="dispatch">{t('criteria.direction.dispatch')}</option>
          <option value="hire">{t('criteria.direction.hire')}</option>
        </Select>
      </div>
      <fieldset>
        <legend className="mb-2 text-std-16B-170 text-solid-gray-800">{t('publicCall.roster.acceptedRange')}</legend>
        <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField id="roster-accepted-from" type="date" label={t('publicCall.roster.acceptedFrom')} value={draft.acceptedFrom} onChange={(e) => set('acceptedFrom')(e.target.value)} />
          <TextField
            id="roster-accepted-to"
            type="date"
            label={t('publicCall.roster.acceptedTo')}
            value={draft.acceptedTo}
            error={rangeError ? fieldMessages['date.end_before_start'][lang] : undefined}
            onChange={(e) => set('acceptedTo')(e.target.value)}
          />
        </div>
      </fieldset>
    </SearchPanel>
  );
}
