import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/accounts/session.tsx';
import { buttonClass } from '../ui/button.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

const flowSteps = ['1', '2', '3', '4', '5'] as const;

function ProgrammeCard({ kind }: { kind: 'dispatch' | 'hire' }) {
  const { t } = useTranslation();
  const k = `home.pp.${kind}`;
  const rows: Array<[string, string]> = [
    [t('home.pp.status'), t(`${k}.status`)],
    [kind === 'dispatch' ? t('home.pp.period') : t('home.pp.term'), t(`${k}.period`)],
    [t('home.pp.pay'), t(`${k}.pay`)],
    [t('home.pp.duties'), t(`${k}.duties`)],
  ];
  return (
    <section aria-labelledby={`pp-${kind}`} className="flex flex-col rounded-8 border border-solid-gray-420 bg-white">
      <div className={kind === 'dispatch' ? 'rounded-t-8 bg-blue-900 px-5 py-3 text-white' : 'rounded-t-8 bg-green-900 px-5 py-3 text-white'}>
        <h3 id={`pp-${kind}`} className="text-std-22B-150">
          {t(`${k}.title`)}
        </h3>
        <p className="text-dns-16N-130">{t(`${k}.direction`)}</p>
      </div>
      <div className="flex flex-1 flex-col gap-4 p-5">
        <p className="text-std-16N-175">{t(`${k}.summary`)}</p>
        <dl className="grid grid-cols-[6.5rem_1fr] gap-x-4 gap-y-3 text-std-16N-170">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold text-solid-gray-900">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {kind === 'hire' ? <p className="text-dns-14N-130 leading-170 text-solid-gray-700">{t('home.pp.hire.types')}</p> : null}
      </div>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { account } = useSession();
  usePageTitle(t('home.title'));

  return (
    <>
      <PageHeading title={t('home.title')} lead={t('home.lead')}>
        <ul className="mt-6 flex flex-wrap gap-3">
          <li>
            <Link to="/contacts" className={buttonClass('primary', 'lg')}>
              {t('home.actions.contacts')}
            </Link>
          </li>
          {account ? null : (
            <>
              <li>
                <Link to="/register" className={buttonClass('secondary', 'lg')}>
                  {t('home.actions.register')}
                </Link>
              </li>
              <li>
                <Link to="/login" className={buttonClass('secondary', 'lg')}>
                  {t('home.actions.login')}
                </Link>
              </li>
            </>
          )}
        </ul>
      </PageHeading>

      <SectionHeading id="pp">{t('home.pp.heading')}</SectionHeading>
      <p className="max-w-4xl text-std-16N-175">{t('home.pp.body')}</p>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <ProgrammeCard kind="dispatch" />
        <ProgrammeCard kind="hire" />
      </div>
      <p className="mt-4 text-std-16N-170">{t('home.pp.both')}</p>

      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="eligible">
          <h3 id="eligible" className="mb-3 text-std-20B-150 text-solid-gray-900">
            {t('home.pp.eligibleHeading')}
          </h3>
          <ul className="list-disc space-y-2 pl-6 text-std-16N-175">
            <li>{t('home.pp.eligibleCompanies')}</li>
            <li>{t('home.pp.eligibleGov')}</li>
          </ul>
          <p className="mt-3 text-dns-14N-130 leading-170 text-solid-gray-700">{t('home.pp.eligibleStarNote')}</p>
          <p className="mt-3 text-std-16N-170">{t('home.pp.usage')}</p>
        </section>
        <section aria-labelledby="flow">
          <h3 id="flow" className="mb-3 text-std-20B-150 text-solid-gray-900">
            {t('home.pp.flowHeading')}
          </h3>
          <ol className="space-y-3">
            {flowSteps.map((n) => (
              <li key={n} className="flex gap-3 text-std-16N-175">
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-900 text-oln-16B-100 text-white">
                  {n}
                </span>
                <span>{t(`home.pp.flow.${n}`)}</span>
              </li>
            ))}
          </ol>
          <p className="mt-4 rounded-8 bg-yellow-50 p-3 text-std-16N-170 text-solid-gray-900">{t('home.pp.tip')}</p>
        </section>
      </div>

      <SectionHeading id="intl">{t('home.intl.heading')}</SectionHeading>
      <div className="max-w-4xl space-y-3 text-std-16N-175">
        <p>{t('home.intl.body')}</p>
        <p className="font-bold">{t('home.intl.fact')}</p>
        <p>{t('home.intl.coop')}</p>
      </div>

      <SectionHeading id="contact">{t('home.contactHeading')}</SectionHeading>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-8 border border-solid-gray-420 p-5">
          <p className="text-std-16B-170">{t('home.contact.npa')}</p>
          <p className="mt-1 text-std-16N-170">
            {t('home.contact.tel')} <a href="tel:0335810755">03-3581-0755</a>
          </p>
          <p className="text-std-16N-170">
            {t('home.contact.email')} <a href="mailto:kanmin-kouryuu@jinji.go.jp">kanmin-kouryuu@jinji.go.jp</a>
          </p>
        </div>
        <div className="rounded-8 border border-solid-gray-420 p-5">
          <p className="text-std-16B-170">{t('home.contact.center')}</p>
          <p className="mt-1 text-std-16N-170">
            {t('home.contact.tel')} <a href="tel:0362687676">03-6268-7676</a>
          </p>
        </div>
      </div>
      <p className="mt-4 text-std-16N-170">
        <Link to="/contacts">{t('home.contact.more')}</Link>
      </p>
    </>
  );
}
