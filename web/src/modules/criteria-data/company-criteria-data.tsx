import { useSession } from '../accounts/session.tsx';
import type { CompanyDetail } from '../companies/companies.api.ts';
import { CompanySales } from './company-sales.tsx';
import { CompanySanctions } from './company-sanctions.tsx';
import { may } from './criteria-data.api.ts';
import { DivisionRevenueSection } from './division-revenue.tsx';

/** The company page's 交流基準 facts: shown to those who may read them, editable by those who may change them. */
export function CompanyCriteriaData({ company }: { company: Pick<CompanyDetail, 'id' | 'status' | 'divisions'> }) {
  const { account } = useSession();
  if (!may.readCompanyFacts(account, company)) return null;
  const figures = may.writeCompanyFigures(account, company.id);
  return (
    <>
      <CompanySales companyId={company.id} canWrite={figures} />
      <DivisionRevenueSection companyId={company.id} divisions={company.divisions} canWrite={figures} />
      <CompanySanctions companyId={company.id} canWrite={may.writeSanctions(account)} />
    </>
  );
}
