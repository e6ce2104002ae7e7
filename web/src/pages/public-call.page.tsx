import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/alert.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { ApplicationForm } from '../modules/public-call/application-form.tsx';
import { OwnApplications } from '../modules/public-call/own-applications.tsx';
import { useOwnApplications, withdrawApplication } from '../modules/public-call/public-call.api.ts';

/** 公募への応募 (company HR): apply at any time of year, follow the status, withdraw, re-apply after a return. */
export function PublicCallPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicCall.apply.title'));
  const own = useOwnApplications();
  const outcome = useOutcome();
  return (
    <>
      <PageHeading title={t('publicCall.apply.title')} lead={t('publicCall.apply.lead')}>
        <p className="mt-3 max-w-4xl text-std-16N-175 text-solid-gray-800">
          {t('publicCall.apply.consultFirst')} <Link to="/consultations">{t('publicCall.apply.consultLink')}</Link>
        </p>
      </PageHeading>
      <section aria-labelledby="own-applications-heading" className="mb-10">
        <SectionHeading id="own-applications-heading" className="mt-0">
          {t('publicCall.own.heading')}
        </SectionHeading>
        {outcome.view('apply-outcome')}
        <OwnApplications
          state={own}
          onWithdraw={(a) => outcome.run(() => withdrawApplication(a.id), (t) => t('publicCall.own.withdrawn'), own.reload)}
        />
      </section>
      {own.data ? (
        own.data.canApply ? (
          <div className="border-t border-solid-gray-420 pt-10">
            <ApplicationForm
              onApplied={() => {
                outcome.show({ ok: (t) => t('publicCall.apply.done') });
                own.reload();
              }}
            />
          </div>
        ) : (
          <Alert tone="info" testId="apply-open-notice">
            {t('publicCall.apply.openNotice')}
          </Alert>
        )
      ) : null}
    </>
  );
}
