// 統計 (public landing): links to the statistics sections. Published figures are public; their
// sources and revision history are shown with each figure.
import { useTranslation } from 'react-i18next';
import { LinkCard } from '../ui/card.tsx';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.title'));
  return (
    <>
      <PageHeading title={t('statistics.title')} lead={t('statistics.lead')} />
      <div className="grid max-w-5xl grid-cols-1 gap-4 md:grid-cols-2">
        <LinkCard to="/statistics/international" title={t('statistics.intl.title')} description={t('statistics.intl.card')} level={2} />
        <LinkCard to="/statistics/published" title={t('statistics.pub.title')} description={t('statistics.pub.card')} level={2} />
      </div>
      <p className="mt-8 max-w-4xl text-std-16N-170">
        {t('statistics.openData')}{' '}
        <a href="/api/docs" className="underline">
          {t('statistics.apiDocs')}
        </a>
      </p>
    </>
  );
}
