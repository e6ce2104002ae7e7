import { useTranslation } from 'react-i18next';
import { Dashboard } from '../modules/dashboard/dashboard.tsx';
import { useSession } from '../modules/accounts/session.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  usePageTitle(t('dashboard.title'));
  if (!account) return null;
  return (
    <>
      <PageHeading title={t('dashboard.title')} lead={t('dashboard.welcome', { name: account.displayName })} />
      <Dashboard account={account} />
    </>
  );
}
