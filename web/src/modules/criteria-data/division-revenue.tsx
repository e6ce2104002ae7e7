import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { divisionRevenueInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatYen, isoDateInJapan } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { fiscalYearOf, formatFiscalYear, formatPercent, sharePercent, yenForInput } from './amounts.ts';
import { deleteRevenue, putRevenue, useRevenue, type DivisionRevenueItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, FiscalYearField, LoadedList, readFiscalYear, readYen, RecordForm, RecordSection, useFormErrors, useFormValues, useOutcome, useSubmit, YenField } from './form-kit.tsx';

type Division = { id: number; name: string };
type Editing = { division: Division; item: DivisionRevenueItem };

/**
 * 部門別の公的収益: per division and fiscal year, the revenue from government work against the total,
 * one table per division and one form for all (choose the division, or "edit" a row).
 */
export function DivisionRevenueSection({ companyId, divisions, canWrite }: { companyId: number; divisions: Division[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const outcome = useOutcome();
  const [editing, setEditing] = useState<Editing | null>(null);
  // Bumped after each change so that the division's table reads its rows again.
  const [version, setVersion] = useState<Record<number, number>>({});
  const changed = (divisionId: number) => setVersion((v) => ({ ...v, [divisionId]: (v[divisionId] ?? 0) + 1 }));

  return (
    <RecordSection headingId="revenue-heading" testId="division-revenue" heading={t('criteriaData.revenue.heading')} lead={t('criteriaData.revenue.lead')}>
      {outcome.view('revenue-outcome')}
      {divisions.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.revenue.noDivisions')}</p>
      ) : (
        <>
          <div className="flex flex-col gap-6">
            {divisions.map((d) => (
              <DivisionTable
                key={`${d.id}-${version[d.id] ?? 0}`}
                companyId={companyId}
                division={d}
                canWrite={canWrite}
                onEdit={(item) => setEditing({ division: d, item })}
                onDelete={(item) =>
                  outcome.run(
                    () => deleteRevenue(companyId, d.id, item.fiscalYear),
                    (t, lang) => t('criteriaData.revenue.deleted', { division: d.name, fy: formatFiscalYear(item.fiscalYear, lang) }),
                    () => changed(d.id),
                  )
                }
              />
            ))}
          </div>
          {canWrite ? (
            <RevenueForm
              key={editing ? `edit-${editing.division.id}-${editing.item.fiscalYear}-${editing.item.updatedAt}` : 'new'}
              companyId={companyId}
              divisions={divisions}
              editing={editing}
              onCancel={() => {
                const id = editing ? `revenue-edit-${editing.division.id}-${editing.item.fiscalYear}` : '';
                setEditing(null);
                setTimeout(() => document.getElementById(id)?.focus(), 0);
              }}
              onSaved={(division, r) => {
                setEditing(null);
                outcome.show({
                  ok: (t, lang) => t('criteriaData.revenue.saved', {
                    division: division.name,
                    fy: formatFiscalYear(r.fiscalYear, lang),
                    share: formatPercent(sharePercent(r.publicYen, r.totalYen), lang),
                  }),
                });
                changed(division.id);
              }}
            />
          ) : null}
        </>
      )}
    </RecordSection>
  );
}

type TableProps = {
  companyId: number;
  division: Division;
  canWrite: boolean;
  onEdit: (item: DivisionRevenueItem) => void;
  onDelete: (item: DivisionRevenueItem) => Promise<void>;
};

function DivisionTable({ companyId, division, canWrite, onEdit, onDelete }: TableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const revenue = useRevenue(companyId, division.id);
  const items = [...(revenue.data?.items ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const headingId = `revenue-division-${division.id}`;

  return (
    <section aria-labelledby={headingId} className="max-w-5xl" data-testid={`division-revenue-${division.id}`}>
      <h3 id={headingId} className="mb-2 text-std-20B-150 text-solid-gray-900">
        {division.name}
      </h3>
      <LoadedList state={revenue} count={items.length} empty={t('criteriaData.revenue.empty')}>
        {() => (
          <Table caption={t('criteriaData.revenue.caption', { division: division.name })} captionHidden>
            <thead>
              <tr>
                <Th>{t('criteriaData.fiscalYear')}</Th>
                <Th className="text-right">{t('criteriaData.revenue.public')}</Th>
                <Th className="text-right">{t('criteriaData.revenue.total')}</Th>
                <Th className="text-right">{t('criteriaData.revenue.share')}</Th>
                {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const fy = formatFiscalYear(r.fiscalYear, lang);
                return (
                  <Tr key={r.fiscalYear}>
                    <Th scope="row" className="font-normal whitespace-nowrap">
                      {fy}
                    </Th>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatYen(r.publicYen, lang)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatYen(r.totalYen, lang)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatPercent(sharePercent(r.publicYen, r.totalYen), lang)}</Td>
                    {canWrite ? (
                      <Td>
                        <div className="flex flex-wrap gap-2">
                          <Button
                            id={`revenue-edit-${division.id}-${r.fiscalYear}`}
                            size="sm"
                            variant="secondary"
                            aria-label={t('criteriaData.editLabel', { what: `${division.name} ${fy}` })}
                            onClick={() => onEdit(r)}
                          >
                            {t('common.edit')}
                          </Button>
                          <DeleteAction label={`${division.name} ${fy}`} onConfirm={() => onDelete(r)} />
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
    </section>
  );
}

const P = 'revenue.';

type FormProps = {
  companyId: number;
  divisions: Division[];
  editing: Editing | null;
  onSaved: (division: Division, r: DivisionRevenueItem) => void;
  onCancel: () => void;
};

function RevenueForm({ companyId, divisions, editing, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors(P);
  const { values: v, setValues, bind } = useFormValues(form, {
    divisionId: editing ? String(editing.division.id) : divisions.length === 1 ? String(divisions[0]!.id) : '',
    fiscalYear: editing ? String(editing.item.fiscalYear) : String(fiscalYearOf(isoDateInJapan(new Date())) - 1),
    publicYen: editing ? yenForInput(editing.item.publicYen) : '',
    totalYen: editing ? yenForInput(editing.item.totalYen) : '',
  });
  const { busy, submit } = useSubmit(form);

  // Choosing "edit" on a row brings the reader to its first amount (the form is keyed by the row).
  useEffect(() => {
    if (editing) document.getElementById(form.id('publicYen'))?.focus();
  }, []);

  async function onSubmit() {
    const problems: FieldErrors = {};
    const division = divisions.find((d) => String(d.id) === v.divisionId);
    if (!division) problems.divisionId = copyMessage('choose');
    const fy = readFiscalYear(v.fiscalYear);
    const pub = readYen(v.publicYen);
    const total = readYen(v.totalYen);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in pub) problems.publicYen = pub.error;
    if ('error' in total) problems.totalYen = total.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const input = checkInput(form, divisionRevenueInputSchema, {
      fiscalYear: (fy as { value: number }).value,
      publicYen: (pub as { value: number }).value,
      totalYen: (total as { value: number }).value,
    });
    if (!input) return;
    await submit(
      () => putRevenue(companyId, division!.id, input),
      (saved) => {
        setValues((d) => ({ ...d, publicYen: '', totalYen: '' }));
        onSaved(division!, saved);
      },
    );
  }

  const labels = {
    divisionId: t('criteriaData.revenue.division'),
    fiscalYear: t('criteriaData.fiscalYear'),
    publicYen: t('criteriaData.revenue.publicYen'),
    totalYen: t('criteriaData.revenue.totalYen'),
  };
  return (
    <RecordForm
      name="revenue"
      level={3}
      heading={
        editing
          ? t('criteriaData.revenue.editHeading', { division: editing.division.name, fy: formatFiscalYear(editing.item.fiscalYear, lang) })
          : t('criteriaData.revenue.addHeading')
      }
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5"
    >
      {editing ? null : <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.revenue.formNote')}</p>}
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <Select {...bind('divisionId')} label={labels.divisionId} required disabled={editing !== null}>
          {divisions.length > 1 ? <option value="">{t('common.choose')}</option> : null}
          {divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <FiscalYearField {...bind('fiscalYear')} label={labels.fiscalYear} required readOnly={editing !== null} />
        <YenField {...bind('publicYen')} label={labels.publicYen} required />
        <YenField {...bind('totalYen')} label={labels.totalYen} required />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" disabled={busy} data-testid="revenue-submit">
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
