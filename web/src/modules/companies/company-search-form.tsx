import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
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
  const [draft, setDraft] = useUrlDraft(value);

  const set = (k: keyof Omit<CompanySearch, 'page'>) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <SearchPanel id="company-search" heading={t('companies.searchHeading')} onSubmit={() => onSearch({ ...draft, page: 1 })} onClear={onClear}>
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
    </SearchPanel>
  );
}
