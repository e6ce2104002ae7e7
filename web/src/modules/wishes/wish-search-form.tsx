import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, FIELDS_OF_WORK } from '../../../../common/src/schemas/wishes.schema.ts';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { Select, type SelectProps } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { Organisation } from '../organisations/organisations.api.ts';
import { IndustrySelect } from '../reference/industry-select.tsx';
import { monthParam, monthsParam, regionChoice, regionParam, type WishFilters } from './wish-query.ts';

/** The regions (地方) of the prefectures, in their order, each once. */
export function regionsOf(reference: ReferenceBundle | undefined) {
  const seen = new Map<string, { ja: string; en: string }>();
  for (const p of reference?.prefectures ?? []) if (!seen.has(p.regionEn)) seen.set(p.regionEn, { ja: p.regionJa, en: p.regionEn });
  return [...seen.values()];
}

/** A filter over the fields of work (分野・業種), "all" first. */
export function FieldOfWorkSelect(select: Omit<SelectProps, 'children'>) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Select {...select}>
      <option value="">{t('common.all')}</option>
      {FIELDS_OF_WORK.map((f) => (
        <option key={f.code} value={f.code}>
          {f[lang]}
        </option>
      ))}
    </Select>
  );
}

/** 地方 and 都道府県 as two selects that fill the one `region` parameter (a prefecture wins). */
export function RegionSelects({ idPrefix, value, reference, onChange }: { idPrefix: string; value: string; reference: ReferenceBundle | undefined; onChange: (region: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const choice = regionChoice(value, reference?.prefectures ?? []);
  return (
    <>
      <Select id={`${idPrefix}-region`} label={t('wishes.filters.region')} value={choice.region} onChange={(e) => onChange(regionParam({ region: e.target.value, prefecture: '' }))}>
        <option value="">{t('common.all')}</option>
        {regionsOf(reference).map((r) => (
          <option key={r.en} value={r.en}>
            {pick(lang, r.ja, r.en)}
          </option>
        ))}
      </Select>
      <Select id={`${idPrefix}-prefecture`} label={t('wishes.filters.prefecture')} value={choice.prefecture} onChange={(e) => onChange(regionParam({ region: choice.region, prefecture: e.target.value }))}>
        <option value="">{t('common.all')}</option>
        {reference?.prefectures
          .filter((p) => !choice.region || p.regionEn === choice.region)
          .map((p) => (
            <option key={p.code} value={p.code}>
              {pick(lang, p.nameJa, p.nameEn)}
            </option>
          ))}
      </Select>
    </>
  );
}

type Props = {
  value: WishFilters;
  reference: ReferenceBundle | undefined;
  ministries: Organisation[];
  onSearch: (f: WishFilters) => void;
  onClear: () => void;
};

/** The public listing's search: words, the filters and the order; all of it goes into the URL. */
export function WishSearchForm({ value, reference, ministries, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useUrlDraft(value);
  // Typed boxes the browser cannot check by itself: the months (1–60) and the start month.
  const [periodText, setPeriodText] = useUrlDraft(value.period);
  const [monthText, setMonthText] = useUrlDraft(value.startMonth);
  const [errors, setErrors] = useState<{ period?: boolean; startMonth?: boolean }>({});
  const set = <K extends keyof WishFilters>(k: K, v: WishFilters[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = () => {
    const period = periodText.trim() === '' ? '' : monthsParam(periodText);
    const startMonth = monthText.trim() === '' ? '' : monthParam(monthText);
    const bad = { period: periodText.trim() !== '' && !period, startMonth: monthText.trim() !== '' && !startMonth };
    setErrors(bad);
    if (bad.period || bad.startMonth) {
      document.getElementById(bad.period ? 'wish-search-period' : 'wish-search-start')?.focus();
      return;
    }
    onSearch({ ...draft, period, startMonth });
  };

  return (
    <SearchPanel
      id="wish-search"
      heading={t('wishes.search.heading')}
      onSubmit={submit}
      onClear={() => {
        setErrors({});
        onClear();
      }}
    >
      <TextField
        id="wish-search-q"
        type="search"
        label={t('wishes.search.q')}
        hint={t('wishes.search.qHint')}
        autoComplete="off"
        maxLength={200}
        className="max-w-2xl"
        value={draft.q}
        onChange={(e) => set('q', e.target.value)}
        data-testid="wish-search-q"
      />
      <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Select id="wish-search-direction" label={t('wishes.filters.direction')} value={draft.direction} onChange={(e) => set('direction', e.target.value as WishFilters['direction'])}>
          <option value="">{t('common.all')}</option>
          <option value="dispatch">{t('wishes.direction.dispatch')}</option>
          <option value="hire">{t('wishes.direction.hire')}</option>
        </Select>
        <Select id="wish-search-side" label={t('wishes.filters.side')} value={draft.side} onChange={(e) => set('side', e.target.value as WishFilters['side'])}>
          <option value="">{t('common.all')}</option>
          <option value="ministry">{t('wishes.side.ministry')}</option>
          <option value="company">{t('wishes.side.company')}</option>
        </Select>
        <FieldOfWorkSelect id="wish-search-field" label={t('wishes.filters.field')} value={draft.field} onChange={(e) => set('field', e.target.value)} />
        <IndustrySelect id="wish-search-industry" label={t('wishes.filters.industry')} value={draft.industry} onChange={(e) => set('industry', e.target.value)} industries={reference?.industries} />
        <Select id="wish-search-ministry" label={t('wishes.filters.ministry')} value={draft.ministry} onChange={(e) => set('ministry', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {ministries.map((o) => (
            <option key={o.code} value={o.code}>
              {pick(lang, o.nameJa, o.nameEn)}
            </option>
          ))}
        </Select>
        <RegionSelects idPrefix="wish-search" value={draft.region} reference={reference} onChange={(r) => set('region', r)} />
        <Select id="wish-search-age" label={t('wishes.filters.ageBand')} value={draft.ageBand} onChange={(e) => set('ageBand', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {AGE_BANDS.map((a) => (
            <option key={a.code} value={a.code}>
              {a[lang]}
            </option>
          ))}
        </Select>
        <Select id="wish-search-sort" label={t('wishes.filters.sort')} value={draft.sort} onChange={(e) => set('sort', e.target.value as WishFilters['sort'])}>
          <option value="newest">{t('wishes.sort.newest')}</option>
          <option value="start">{t('wishes.sort.start')}</option>
          <option value="expires">{t('wishes.sort.expires')}</option>
        </Select>
      </div>
      <div className="grid grid-cols-1 items-start gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          id="wish-search-period"
          inputMode="numeric"
          autoComplete="off"
          label={t('wishes.filters.period')}
          hint={t('wishes.filters.periodHint')}
          value={periodText}
          error={errors.period ? t('wishes.filters.periodError') : undefined}
          onChange={(e) => {
            setPeriodText(e.target.value);
            setErrors((x) => ({ ...x, period: false }));
          }}
          data-testid="wish-search-period"
        />
        <TextField
          id="wish-search-start"
          type="month"
          label={t('wishes.filters.startMonth')}
          hint={t('wishes.filters.startMonthHint')}
          value={monthText}
          error={errors.startMonth ? t('wishes.filters.startMonthError') : undefined}
          onChange={(e) => {
            setMonthText(e.target.value);
            setErrors((x) => ({ ...x, startMonth: false }));
          }}
        />
      </div>
    </SearchPanel>
  );
}
