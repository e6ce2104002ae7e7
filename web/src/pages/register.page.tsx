import { useTranslation } from 'react-i18next';
import { RegistrationForm } from '../modules/accounts/registration-form.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  return (
    <>
      <PageHeading title={t('register.title')} lead={t('register.lead')} />
      <RegistrationForm />
    </>
  );
}
