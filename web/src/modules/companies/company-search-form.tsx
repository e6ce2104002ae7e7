import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { companySizes, type CompanySearch } from './companies.api.ts';

type Props = {
  value: CompanySearch;
  reference: ReferenceBundle | undefined;
  onSearch: (s: CompanySearch) => void;
  onClear: () => void;
};

export function CompanySearchForm({ value, reference, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // The URL is the source of truth: when it changes (back/forward, a shared link) the form refills.
  const [draft, setDraft] = useState(value);
  const urlKey = JSON.stringify(value);
  const [seenKey, setSeenKey] = useState(urlKey);
  if (seenKey !== urlKey) {
    setSeenKey(urlKey);
    setDraft(value);
  }

  const set = (k: keyof Omit<CompanySearch, 'page'>) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch({ ...draft, page: 1 });
  }

  return (
    <search aria-labelledby="company-search-heading" className="mb-8 block rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <form onSubmit={submit} className="flex flex-col gap-5">
        <h2 id="company-search-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('companies.searchHeading')}
        </h2>
        <TextField
          id="company-q"
          type="search"
          label={t('companies.q')}
          hint={t('companies.qHint')}
          data-testid="company-search"
          autoComplete="off"
          maxLength={200}
          className="max-w-2xl"
          value={draft.q}
          onChange={(e) => set('q')(e.target.value)}
        />
        <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <Select id="company-industry" label={t('companies.industry')} value={draft.industry} onChange={(e) => set('industry')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {reference?.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {pick(lang, i.nameJa, i.nameEn)}
              </option>
            ))}
          </Select>
          <Select id="company-legal-type" label={t('companies.legalType')} value={draft.legalType} onChange={(e) => set('legalType')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {reference?.legalEntityTypes.map((lt) => (
              <option key={lt.code} value={lt.code}>
                {pick(lang, lt.nameJa, lt.nameEn)}
              </option>
            ))}
          </Select>
          <Select id="company-prefecture" label={t('companies.prefecture')} value={draft.prefecture} onChange={(e) => set('prefecture')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {reference?.prefectures.map((p) => (
              <option key={p.code} value={p.code}>
                {pick(lang, p.nameJa, p.nameEn)}
              </option>
            ))}
          </Select>
          <Select id="company-size" label={t('companies.size')} value={draft.size} onChange={(e) => set('size')(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {companySizes.map((s) => (
              <option key={s} value={s}>
                {t(`companies.sizes.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="tertiary" onClick={onClear}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
