import { useTranslation } from 'react-i18next';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { LinkCard } from '../../ui/card.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';

type DashboardData = { role: string; items: Array<{ key: string; value: number }> };

type RoleLink = { to: string; title: string; description: string };

function linksFor(account: SessionAccount, t: (k: string, o?: Record<string, unknown>) => string, lang: 'ja' | 'en'): RoleLink[] {
  const l = (to: string, key: string, opts?: Record<string, unknown>): RoleLink => ({
    to,
    title: t(`dashboard.links.${key}`, opts),
    description: t(`dashboard.links.${key}Desc`, opts),
  });
  const orgName = account.organisationName?.[lang] ?? '';
  switch (account.role) {
    case 'npa':
      return [
        l('/admin/registrations', 'registrations'),
        l('/admin/audit', 'audit'),
        l('/companies', 'companies'),
        l('/organisations', 'organisations'),
        l('/people', 'people'),
      ];
    case 'center':
      return [l('/companies', 'companies'), l('/organisations', 'organisations'), l('/contacts', 'contacts')];
    case 'ministry_hr':
      return [
        account.organisationId != null
          ? l(`/organisations/${account.organisationId}`, 'ownOrganisation', { name: orgName })
          : l('/organisations', 'organisations'),
        l('/people', 'officials'),
        l('/companies', 'companies'),
        l('/contacts', 'contacts'),
      ];
    case 'company_hr':
      return [
        ...(account.companyId != null ? [l(`/companies/${account.companyId}`, 'ownCompany', { name: account.companyName ?? '' })] : []),
        l('/people', 'employees'),
        l('/contacts', 'contacts'),
      ];
    case 'participant':
      return [
        ...(account.personId != null ? [l(`/people/${account.personId}`, 'myProfile')] : []),
        l('/organisations', 'organisations'),
        l('/contacts', 'contacts'),
      ];
  }
}

export function Dashboard({ account }: { account: SessionAccount }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApiQuery<DashboardData>('/api/dashboard');
  const links = linksFor(account, (k, o) => t(k, o), lang);

  return (
    <div data-testid="dashboard">
      <SectionHeading id="figures" className="mt-0">
        {t('dashboard.figuresHeading')}
      </SectionHeading>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('dashboard.noFigures')}</p>
        ) : (
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {data.items.map((item) => (
              <div key={item.key} data-testid={`dashboard-${item.key}`} className="flex flex-col-reverse rounded-8 border border-solid-gray-420 bg-white p-5">
                <dt className="text-std-16N-170 text-solid-gray-800">{i18n.exists(`dashboard.${item.key}`) ? t(`dashboard.${item.key}`) : item.key}</dt>
                <dd className="text-std-36B-140 text-blue-1000">{formatNumber(item.value, lang)}</dd>
              </div>
            ))}
          </dl>
        )
      ) : null}

      {/* Shown with the figures, not before them: the figures would push the links down (layout shift). */}
      {loading ? null : (
        <>
          <SectionHeading id="links">{t('dashboard.linksHeading')}</SectionHeading>
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {links.map((link) => (
              <li key={link.to}>
                <LinkCard to={link.to} title={link.title} description={link.description} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
