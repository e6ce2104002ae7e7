import { useTranslation } from 'react-i18next';
import { RegistrationsAdmin } from '../modules/accounts/registrations-admin.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function RegistrationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrations.title'));
  return (
    <>
      <PageHeading title={t('registrations.title')} lead={t('registrations.lead')} />
      <RegistrationsAdmin />
    </>
  );
}
