import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../companies/companies.api.ts';
import { searchCompanies } from '../criteria/record-search.ts';
import { SearchPicker, type Picked } from '../criteria/search-picker.tsx';

type Props = {
  id: string;
  legend?: string;
  hint?: string;
  required?: boolean;
  error?: string;
  selected: Picked | null;
  onSelect: (c: Picked | null) => void;
  testId?: string;
};

/** Search the company registry (name or 13-digit corporate number) and choose one company. */
export function CompanyPicker({ id, legend, hint, required, error, selected, onSelect, testId }: Props) {
  const { t } = useTranslation();
  return (
    <SearchPicker<CompanySummary>
      id={id}
      testId={testId}
      legend={legend ?? t('criteriaData.company')}
      hint={hint}
      searchLabel={t('criteria.check.companySearch')}
      searchHint={t('criteria.check.companySearchHint')}
      required={required}
      error={error}
      selected={selected}
      onSelect={(c) => onSelect(c ? { id: c.id, label: companyLabel(c) } : null)}
      search={searchCompanies}
      itemLabel={(c) => c.name}
      itemDetail={(c) => t('criteria.check.corporateNumber', { number: c.corporateNumber })}
    />
  );
}

export const companyLabel = (c: { name: string; corporateNumber: string }): string => `${c.name}（${c.corporateNumber}）`;
