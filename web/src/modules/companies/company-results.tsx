import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { formatNumber, formatYen } from '../../ui/format.ts';
import { Badge } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { Lookup } from '../reference/use-reference.ts';
import type { CompanySummary } from './companies.api.ts';

export function StatusBadge({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const tone = status === 'active' ? 'green' : status === 'pending' ? 'orange' : 'gray';
  return <Badge tone={tone}>{i18n.exists(`companies.status.${status}`) ? t(`companies.status.${status}`) : status}</Badge>;
}

export function CompanyResults({ rows, lookup, caption }: { rows: CompanySummary[]; lookup: Lookup; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={caption} captionHidden testId="company-results">
      <thead>
        <tr>
          <Th>{t('companies.colName')}</Th>
          <Th>{t('companies.colCorporateNumber')}</Th>
          <Th>{t('companies.colLegalType')}</Th>
          <Th>{t('companies.colIndustry')}</Th>
          <Th>{t('companies.colPrefecture')}</Th>
          <Th className="text-right">{t('companies.colCapital')}</Th>
          <Th className="text-right">{t('companies.colEmployees')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <Tr key={c.id}>
            <Th scope="row" className="max-w-72 min-w-48 font-normal whitespace-normal">
              <Link to={`/companies/${c.id}`} className="font-bold">
                {c.name}
              </Link>
              {c.nameKana ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{c.nameKana}</span> : null}
              {c.status !== 'active' ? (
                <span className="mt-1 block">
                  <StatusBadge status={c.status} />
                </span>
              ) : null}
            </Th>
            <Td className="font-mono whitespace-nowrap">{c.corporateNumber}</Td>
            <Td className="min-w-28">{lookup.legalType(c.legalTypeCode)}</Td>
            <Td className="max-w-48 min-w-32 whitespace-normal">{lookup.industry(c.industryCode) || '—'}</Td>
            <Td className="whitespace-nowrap">{lookup.prefecture(c.prefectureCode) || '—'}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{c.capitalYen == null ? '—' : formatYen(c.capitalYen, lang)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {c.employees == null ? '—' : t('companies.employeesValue', { count: c.employees, formatted: formatNumber(c.employees, lang) })}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
