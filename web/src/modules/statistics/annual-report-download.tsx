// 年次報告（PDF）のダウンロード (NPA only): choose the report year and the language, then a plain GET
// form to /api/statistics/report/annual (the PDF is sent as an attachment; no JS needed for the
// download itself). Renders nothing for other users.
//   <AnnualReportDownload years={fiscalYearsWithFigures} />
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel } from '../../../../common/src/wareki.ts';
import { useLang } from '../../i18n.ts';
import { useSession } from '../accounts/session.tsx';
import { Button } from '../../ui/button.tsx';
import { SectionHeading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';

export function AnnualReportDownload({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const latest = years.at(-1);
  const [year, setYear] = useState<number | undefined>(latest);
  if (account?.role !== 'npa' || latest === undefined) return null;
  const y = year ?? latest;
  return (
    <section aria-labelledby="annual-report-heading">
      <SectionHeading id="annual-report-heading">{t('annualReport.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170">{t('annualReport.lead')}</p>
      <form method="get" action="/api/statistics/report/annual" className="flex max-w-4xl flex-wrap items-end gap-4">
        <Select
          id="annual-report-year"
          name="year"
          className="w-full sm:w-96"
          label={t('annualReport.year')}
          hint={t('annualReport.yearHint', { intl: fiscalYearLabel(y, lang), next: fiscalYearLabel(y + 1, lang), calendar: y + 1 })}
          value={y}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {[...years].reverse().map((fy) => (
            <option key={fy} value={fy}>
              {lang === 'ja' ? `${fiscalYearLabel(fy, 'ja')}（${fy}年度）` : fiscalYearLabel(fy, 'en')}
            </option>
          ))}
        </Select>
        <Select id="annual-report-lang" name="lang" label={t('annualReport.lang')} defaultValue={lang}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </Select>
        <Button type="submit">{t('annualReport.download')}</Button>
      </form>
    </section>
  );
}
