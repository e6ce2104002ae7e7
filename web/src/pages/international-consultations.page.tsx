// 協議の一覧 (issue 8 item 2): the NPA's queue (answer agree / not agree with a note) and the
// ministry's own; the yearly counts (records, published before them) below.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { AnswerForm } from '../modules/international/consultation-forms.tsx';
import { mayIntl, useConsultations, useConsultationYears } from '../modules/international/international.api.ts';
import { AnswerBadge, fyLabel, Loaded } from '../modules/international/intl-ui.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

export function InternationalConsultationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.consultations.title'));
  const { account } = useSession();
  const npa = mayIntl.manage(account?.role);
  const [answer, setAnswer] = useState(npa ? 'pending' : '');
  const list = useConsultations(answer);
  const years = useConsultationYears();
  const stepLabel = (s: 'initial' | number) => (s === 'initial' ? t('international.consultation.stepInitial') : t('international.consultation.stepRenewal', { n: s + 1 }));
  return (
    <>
      <PageHeading title={t('international.consultations.title')} lead={t(`international.consultations.lead.${npa ? 'npa' : 'ministry'}`)} />
      <Select id="answer-filter" label={t('international.consultations.filter')} value={answer} onChange={(e) => setAnswer(e.target.value)} className="mb-6 max-w-xs">
        <option value="">{t('common.all')}</option>
        {(['pending', 'agreed', 'not_agreed', 'withdrawn'] as const).map((a) => (
          <option key={a} value={a}>
            {t(`international.answer.${a}`)}
          </option>
        ))}
      </Select>
      <section aria-labelledby="queue-heading">
        <SectionHeading id="queue-heading">{t('international.consultations.queue')}</SectionHeading>
        <Loaded state={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('international.consultations.none')}</p>
            ) : (
              <ul className="flex flex-col gap-4" data-testid="consultation-queue">
                {data.items.map((c) => (
                  <li key={c.id} className="rounded-8 border border-solid-gray-420 p-4" data-testid={`consultation-${c.id}`}>
                    <h3 className="flex flex-wrap items-center gap-3 text-std-18B-160">
                      <Link to={`/international/dispatches/${c.dispatchId}`} className="text-blue-1000 underline">
                        {c.personName ?? t('international.consultations.dispatchN', { id: c.dispatchId })}
                      </Link>
                      {c.sendingOrganisation ? <span className="text-std-16N-170">{c.sendingOrganisation[lang]}</span> : null}
                      <AnswerBadge answer={c.answer} />
                    </h3>
                    <p className="mt-1 text-solid-gray-700">
                      {stepLabel(c.step)} ・ {t('international.consultation.until', { date: c.plannedEnd })} ・ {t('international.consultation.filedOn', { date: c.filedOn })}
                      {c.answeredOn ? ` ・ ${t('international.consultation.answeredOn', { date: c.answeredOn })}` : ''}
                    </p>
                    <p className="mt-2 whitespace-pre-wrap">{c.reason}</p>
                    {c.note ? <p className="mt-2 text-solid-gray-700">{t('international.consultation.noteShown', { note: c.note })}</p> : null}
                    {npa && c.answer === 'pending' ? (
                      <div className="mt-3">
                        <AnswerForm consultation={c} onDone={list.reload} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="years-heading">
        <SectionHeading id="years-heading">{t('international.consultations.years')}</SectionHeading>
        <Loaded state={years}>
          {(data) => (
            <Table caption={t('international.consultations.yearsCaption')} testId="consultation-years">
              <thead>
                <tr>
                  <Th>{t('international.figures.fiscalYear')}</Th>
                  <Th className="text-right">{t('international.consultations.count')}</Th>
                  <Th>{t('international.figures.source')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <Tr key={r.fiscalYear}>
                    <Th scope="row" className="text-left">
                      {fyLabel(r.fiscalYear, lang)}
                    </Th>
                    <Td className="text-right tabular-nums">{r.count}</Td>
                    <Td>{r.source === 'records' ? t('international.figures.fromRecords') : `${t('international.figures.publishedValue')}${r.citation ? `（${r.citation}）` : ''}`}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Loaded>
      </section>
    </>
  );
}
