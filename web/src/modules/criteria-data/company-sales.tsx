import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { salesInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate, formatYen, isoDateInJapan } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { fiscalYearOf, formatFiscalYear, yenForInput } from './amounts.ts';
import { deleteSales, putSales, useSales, type SalesItem } from './criteria-data.api.ts';
import { DeleteAction, FiscalYearField, FormErrorSummary, readFiscalYear, readYen, useFormErrors, useOutcome, YenField } from './form-kit.tsx';

const P = 'sales.';

/** 売上額等（年度別）: the figures the contract-dependence rule compares the ministries' contracts with. */
export function CompanySales({ companyId, canWrite }: { companyId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useSales(companyId);
  const outcome = useOutcome();
  const [editing, setEditing] = useState<SalesItem | null>(null);
  const items = [...(data?.items ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);

  return (
    <section aria-labelledby="sales-heading" data-testid="company-sales">
      <SectionHeading id="sales-heading">{t('criteriaData.sales.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.sales.lead')}</p>
      {outcome.view('sales-outcome')}
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        items.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.sales.empty')}</p>
        ) : (
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
                            onConfirm={async () => {
                              try {
                                await deleteSales(companyId, s.fiscalYear);
                                outcome.show({ ok: (t, lang) => t('criteriaData.sales.deleted', { fy: formatFiscalYear(s.fiscalYear, lang) }) });
                                reload();
                              } catch (err) {
                                outcome.show({ error: err });
                              }
                            }}
                          />
                        </div>
                      </Td>
                    ) : null}
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )
      ) : null}
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
    </section>
  );
}

function SalesForm({ companyId, editing, onSaved, onCancel }: { companyId: number; editing: SalesItem | null; onSaved: (s: SalesItem) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors(P);
  const [fiscalYear, setFiscalYear] = useState(editing ? String(editing.fiscalYear) : String(fiscalYearOf(isoDateInJapan(new Date())) - 1));
  const [amount, setAmount] = useState(editing ? yenForInput(editing.amountYen) : '');
  const [source, setSource] = useState(editing?.source ?? '');
  const [busy, setBusy] = useState(false);

  // Choosing "edit" on a row brings the reader to the amount, ready to change (the form is keyed by the row).
  useEffect(() => {
    if (!editing) return;
    const el = document.getElementById(form.id('amountYen')) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    const fy = readFiscalYear(fiscalYear);
    const yen = readYen(amount);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in yen) problems.amountYen = yen.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const checked = validate(salesInputSchema, { fiscalYear: (fy as { value: number }).value, amountYen: (yen as { value: number }).value, source: source.trim() || null });
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    try {
      const saved = await putSales(companyId, checked.value);
      form.reset();
      setAmount('');
      setSource('');
      onSaved(saved);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = { fiscalYear: t('criteriaData.fiscalYear'), amountYen: t('criteriaData.sales.amountYen'), source: t('criteriaData.source') };
  return (
    <div className="mt-6 max-w-2xl rounded-8 border border-solid-gray-420 p-5">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="sales-form-heading" className="flex flex-col gap-5" data-testid="sales-form">
        <h3 id="sales-form-heading" className="text-std-18B-160">
          {editing ? t('criteriaData.sales.editHeading', { fy: formatFiscalYear(editing.fiscalYear, lang) }) : t('criteriaData.sales.addHeading')}
        </h3>
        {editing ? null : <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.sales.formNote')}</p>}
        <FiscalYearField
          id={form.id('fiscalYear')}
          label={labels.fiscalYear}
          required
          readOnly={editing !== null}
          value={fiscalYear}
          error={form.error('fiscalYear')}
          onChange={(e) => {
            setFiscalYear(e.target.value);
            form.clear('fiscalYear');
          }}
        />
        <YenField
          id={form.id('amountYen')}
          label={labels.amountYen}
          required
          value={amount}
          error={form.error('amountYen')}
          onChange={(e) => {
            setAmount(e.target.value);
            form.clear('amountYen');
          }}
        />
        <TextField
          id={form.id('source')}
          label={labels.source}
          hint={t('criteriaData.sourceHint')}
          required={false}
          maxLength={200}
          value={source}
          error={form.error('source')}
          onChange={(e) => {
            setSource(e.target.value);
            form.clear('source');
          }}
        />
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
      </form>
    </div>
  );
}
