import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { salesInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import type { FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate, formatYen, isoDateInJapan } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { fiscalYearOf, formatFiscalYear, yenForInput } from './amounts.ts';
import { deleteSales, putSales, useSales, type SalesItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, FiscalYearField, LoadedList, readFiscalYear, readYen, RecordForm, RecordSection, useFormErrors, useFormValues, useOutcome, useSubmit, YenField } from './form-kit.tsx';

const P = 'sales.';

/** 売上額等（年度別）: the figures the contract-dependence rule compares the ministries' contracts with. */
export function CompanySales({ companyId, canWrite }: { companyId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sales = useSales(companyId);
  const { reload } = sales;
  const outcome = useOutcome();
  const [editing, setEditing] = useState<SalesItem | null>(null);
  const items = [...(sales.data?.items ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);

  return (
    <RecordSection headingId="sales-heading" testId="company-sales" heading={t('criteriaData.sales.heading')} lead={t('criteriaData.sales.lead')}>
      {outcome.view('sales-outcome')}
      <LoadedList state={sales} count={items.length} empty={t('criteriaData.sales.empty')}>
        {() => (
          <Table caption={t('criteriaData.sales.caption', { count: items.length })} testId="sales-table">
            <thead>
              <tr>
                <Th>{t('criteriaData.fiscalYear')}</Th>
                <Th className="text-right">{t('criteriaData.sales.amount')}</Th>
                <Th>{t('criteriaData.source')}</Th>
                <Th>{t('criteriaData.updatedAt')}</Th>
                {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const fy = formatFiscalYear(s.fiscalYear, lang);
                return (
                  <Tr key={s.fiscalYear}>
                    <Th scope="row" className="font-normal whitespace-nowrap">
                      {fy}
                    </Th>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatYen(s.amountYen, lang)}</Td>
                    <Td className="min-w-40">{s.source ?? '—'}</Td>
                    <Td className="whitespace-nowrap">
                      <time dateTime={s.updatedAt}>{formatDate(isoDateInJapan(s.updatedAt), lang)}</time>
                    </Td>
                    {canWrite ? (
                      <Td>
                        <div className="flex flex-wrap gap-2">
                          <Button id={`sales-edit-${s.fiscalYear}`} size="sm" variant="secondary" aria-label={t('criteriaData.editLabel', { what: fy })} onClick={() => setEditing(s)}>
                            {t('common.edit')}
                          </Button>
                          <DeleteAction
                            label={t('criteriaData.sales.rowLabel', { fy })}
                            onConfirm={() =>
                              outcome.run(() => deleteSales(companyId, s.fiscalYear), (t, lang) => t('criteriaData.sales.deleted', { fy: formatFiscalYear(s.fiscalYear, lang) }), reload)
                            }
                          />
                        </div>
                      </Td>
                    ) : null}
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </LoadedList>
      {canWrite ? (
        <SalesForm
          key={editing ? `edit-${editing.fiscalYear}-${editing.updatedAt}` : 'new'}
          companyId={companyId}
          editing={editing}
          onCancel={() => {
            const fy = editing?.fiscalYear;
            setEditing(null);
            setTimeout(() => document.getElementById(`sales-edit-${fy}`)?.focus(), 0);
          }}
          onSaved={(item) => {
            setEditing(null);
            outcome.show({ ok: (t, lang) => t('criteriaData.sales.saved', { fy: formatFiscalYear(item.fiscalYear, lang), amount: formatYen(item.amountYen, lang) }) });
            reload();
          }}
        />
      ) : null}
    </RecordSection>
  );
}

function SalesForm({ companyId, editing, onSaved, onCancel }: { companyId: number; editing: SalesItem | null; onSaved: (s: SalesItem) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors(P);
  const { values: v, setValues, bind } = useFormValues(form, {
    fiscalYear: editing ? String(editing.fiscalYear) : String(fiscalYearOf(isoDateInJapan(new Date())) - 1),
    amountYen: editing ? yenForInput(editing.amountYen) : '',
    source: editing?.source ?? '',
  });
  const { busy, submit } = useSubmit(form);

  // Choosing "edit" on a row brings the reader to the amount, ready to change (the form is keyed by the row).
  useEffect(() => {
    if (!editing) return;
    const el = document.getElementById(form.id('amountYen')) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  }, []);

  async function onSubmit() {
    const problems: FieldErrors = {};
    const fy = readFiscalYear(v.fiscalYear);
    const yen = readYen(v.amountYen);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in yen) problems.amountYen = yen.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const input = checkInput(form, salesInputSchema, { fiscalYear: (fy as { value: number }).value, amountYen: (yen as { value: number }).value, source: v.source.trim() || null });
    if (!input) return;
    await submit(
      () => putSales(companyId, input),
      (saved) => {
        setValues((d) => ({ ...d, amountYen: '', source: '' }));
        onSaved(saved);
      },
    );
  }

  const labels = { fiscalYear: t('criteriaData.fiscalYear'), amountYen: t('criteriaData.sales.amountYen'), source: t('criteriaData.source') };
  return (
    <RecordForm
      name="sales"
      level={3}
      heading={editing ? t('criteriaData.sales.editHeading', { fy: formatFiscalYear(editing.fiscalYear, lang) }) : t('criteriaData.sales.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-2xl rounded-8 border border-solid-gray-420 p-5"
    >
      {editing ? null : <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.sales.formNote')}</p>}
      <FiscalYearField {...bind('fiscalYear')} label={labels.fiscalYear} required readOnly={editing !== null} />
      <YenField {...bind('amountYen')} label={labels.amountYen} required />
      <TextField {...bind('source')} label={labels.source} hint={t('criteriaData.sourceHint')} required={false} maxLength={200} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" disabled={busy} data-testid="sales-submit">
          {editing ? t('criteriaData.saveChange') : t('criteriaData.register')}
        </Button>
        {editing ? (
          <Button variant="tertiary" onClick={onCancel}>
            {t('criteriaData.cancelEdit')}
          </Button>
        ) : null}
      </div>
    </RecordForm>
  );
}
