import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { pick, useLang } from '../../i18n.ts';
import { isoDateInJapan } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import type { CompanyDetail, CompanySummary } from '../companies/companies.api.ts';
import type { Post } from '../people/people.api.ts';
import { searchCompanies } from './record-search.ts';
import { SearchPicker, type Picked } from './search-picker.tsx';

// The fields of an exchange plan (交流の計画) that the stored-records criteria check and the new-case
// form both ask for: the default period, the official's current post, the company and its division.

export type Division = CompanyDetail['divisions'][number];

/** The next 1 April in Japan and two years from it (exchanges usually start with the fiscal year). */
export function defaultPeriod(): { plannedStart: string; plannedEnd: string } {
  const today = isoDateInJapan(new Date());
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 4 ? 1 : 0);
  return { plannedStart: `${year}-04-01`, plannedEnd: `${year + 2}-03-31` };
}

/** A company's divisions for the division select; none when they cannot be loaded (it then offers none). */
export async function companyDivisions(companyId: number): Promise<Division[]> {
  try {
    return (await api.get<CompanyDetail>(`/api/companies/${companyId}`)).divisions;
  } catch {
    return [];
  }
}

/** 現在の官職: the picked official's current post, under the person picker. */
export function CurrentPostNote({ post }: { post: Post }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="-mt-3 text-std-16N-170 text-solid-gray-800">
      {t('criteria.check.currentPost', { post: `${pick(lang, post.unitNameJa, post.unitNameEn)} ${pick(lang, post.postTitleJa, post.postTitleEn)}` })}
    </p>
  );
}

/** 民間企業: search by name or corporate number, then choose one. */
export function CompanyPicker({ id, legend, error, selected, onSelect }: { id: string; legend: string; error: string | undefined; selected: Picked | null; onSelect: (c: CompanySummary | null) => void }) {
  const { t } = useTranslation();
  return (
    <SearchPicker<CompanySummary>
      id={id}
      testId="pick-company"
      legend={legend}
      searchLabel={t('criteria.check.companySearch')}
      searchHint={t('criteria.check.companySearchHint')}
      required
      error={error}
      selected={selected}
      onSelect={onSelect}
      search={searchCompanies}
      itemLabel={(c) => c.name}
      itemDetail={(c) => t('criteria.check.corporateNumber', { number: c.corporateNumber })}
    />
  );
}

/** 部門 (optional): one of the chosen company's divisions; disabled until a company with divisions is chosen. */
export function DivisionSelect({
  id,
  label,
  hint,
  hasCompany,
  divisions,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  hasCompany: boolean;
  divisions: Division[];
  value: string;
  error: string | undefined;
  onChange: (divisionId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      label={label}
      hint={hint}
      required={false}
      className="max-w-xl"
      disabled={!hasCompany || divisions.length === 0}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{hasCompany && divisions.length === 0 ? t('criteria.check.noDivisions') : t('criteria.check.divisionNone')}</option>
      {divisions.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </Select>
  );
}
