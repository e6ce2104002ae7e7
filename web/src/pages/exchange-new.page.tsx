import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { NewCaseForm } from '../modules/exchanges/new-case-form.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

/** 交流案件の作成 (ministry HR for its units; the NPA on a ministry's behalf). */
export function ExchangeNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('exchangeCases.create.title'));
  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/exchanges">{t('exchangeCases.backToList')}</Link>
      </p>
      <PageHeading title={t('exchangeCases.create.title')} lead={t('exchangeCases.create.lead')} />
      <NewCaseForm onCreated={(c) => navigate(`/exchanges/${c.id}`, { state: { created: true } })} />
    </>
  );
}
