import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { divisionRevenueInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatYen, isoDateInJapan } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { fiscalYearOf, formatFiscalYear, formatPercent, sharePercent, yenForInput } from './amounts.ts';
import { deleteRevenue, putRevenue, useRevenue, type DivisionRevenueItem } from './criteria-data.api.ts';
import { DeleteAction, FiscalYearField, FormErrorSummary, readFiscalYear, readYen, useFormErrors, useOutcome, YenField } from './form-kit.tsx';

type Division = { id: number; name: string };
type Editing = { division: Division; item: DivisionRevenueItem };

/**
 * 部門別の公的収益: per division and fiscal year, the revenue from government work against the total,
 * one table per division and one form for all (choose the division, or "edit" a row).
 */
export function DivisionRevenueSection({ companyId, divisions, canWrite }: { companyId: number; divisions: Division[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const outcome = useOutcome();
  const [editing, setEditing] = useState<Editing | null>(null);
  // Bumped after each change so that the division's table reads its rows again.
  const [version, setVersion] = useState<Record<number, number>>({});
  const changed = (divisionId: number) => setVersion((v) => ({ ...v, [divisionId]: (v[divisionId] ?? 0) + 1 }));

  return (
    <section aria-labelledby="revenue-heading" data-testid="division-revenue">
      <SectionHeading id="revenue-heading">{t('criteriaData.revenue.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.revenue.lead')}</p>
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
                onDeleted={(item) => {
                  outcome.show({ ok: (t, lang) => t('criteriaData.revenue.deleted', { division: d.name, fy: formatFiscalYear(item.fiscalYear, lang) }) });
                  changed(d.id);
                }}
                onFailed={(err) => outcome.show({ error: err })}
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
    </section>
  );
}

type TableProps = {
  companyId: number;
  division: Division;
  canWrite: boolean;
  onEdit: (item: DivisionRevenueItem) => void;
  onDeleted: (item: DivisionRevenueItem) => void;
  onFailed: (err: unknown) => void;
};

function DivisionTable({ companyId, division, canWrite, onEdit, onDeleted, onFailed }: TableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useRevenue(companyId, division.id);
  const items = [...(data?.items ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const headingId = `revenue-division-${division.id}`;

  return (
    <section aria-labelledby={headingId} className="max-w-5xl" data-testid={`division-revenue-${division.id}`}>
      <h3 id={headingId} className="mb-2 text-std-20B-150 text-solid-gray-900">
        {division.name}
      </h3>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        items.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.revenue.empty')}</p>
        ) : (
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
                          <DeleteAction
                            label={`${division.name} ${fy}`}
                            onConfirm={async () => {
                              try {
                                await deleteRevenue(companyId, division.id, r.fiscalYear);
                                onDeleted(r);
                              } catch (err) {
                                onFailed(err);
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
  const [divisionId, setDivisionId] = useState(editing ? String(editing.division.id) : divisions.length === 1 ? String(divisions[0]!.id) : '');
  const [fiscalYear, setFiscalYear] = useState(editing ? String(editing.item.fiscalYear) : String(fiscalYearOf(isoDateInJapan(new Date())) - 1));
  const [publicYen, setPublicYen] = useState(editing ? yenForInput(editing.item.publicYen) : '');
  const [totalYen, setTotalYen] = useState(editing ? yenForInput(editing.item.totalYen) : '');
  const [busy, setBusy] = useState(false);

  // Choosing "edit" on a row brings the reader to its first amount (the form is keyed by the row).
  useEffect(() => {
    if (editing) document.getElementById(form.id('publicYen'))?.focus();
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    const division = divisions.find((d) => String(d.id) === divisionId);
    if (!division) problems.divisionId = copyMessage('choose');
    const fy = readFiscalYear(fiscalYear);
    const pub = readYen(publicYen);
    const total = readYen(totalYen);
    if ('error' in fy) problems.fiscalYear = fy.error;
    if ('error' in pub) problems.publicYen = pub.error;
    if ('error' in total) problems.totalYen = total.error;
    if (Object.keys(problems).length) return form.fail(problems);
    const checked = validate(divisionRevenueInputSchema, {
      fiscalYear: (fy as { value: number }).value,
      publicYen: (pub as { value: number }).value,
      totalYen: (total as { value: number }).value,
    });
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    try {
      const saved = await putRevenue(companyId, division!.id, checked.value);
      form.reset();
      setPublicYen('');
      setTotalYen('');
      onSaved(division!, saved);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = {
    divisionId: t('criteriaData.revenue.division'),
    fiscalYear: t('criteriaData.fiscalYear'),
    publicYen: t('criteriaData.revenue.publicYen'),
    totalYen: t('criteriaData.revenue.totalYen'),
  };
  return (
    <div className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="revenue-form-heading" className="flex flex-col gap-5" data-testid="revenue-form">
        <h3 id="revenue-form-heading" className="text-std-18B-160">
          {editing
            ? t('criteriaData.revenue.editHeading', { division: editing.division.name, fy: formatFiscalYear(editing.item.fiscalYear, lang) })
            : t('criteriaData.revenue.addHeading')}
        </h3>
        {editing ? null : <p className="text-std-16N-170 text-solid-gray-800">{t('criteriaData.revenue.formNote')}</p>}
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <Select
            id={form.id('divisionId')}
            label={labels.divisionId}
            required
            disabled={editing !== null}
            value={divisionId}
            error={form.error('divisionId')}
            onChange={(e) => {
              setDivisionId(e.target.value);
              form.clear('divisionId');
            }}
          >
            {divisions.length > 1 ? <option value="">{t('common.choose')}</option> : null}
            {divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
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
            id={form.id('publicYen')}
            label={labels.publicYen}
            required
            value={publicYen}
            error={form.error('publicYen')}
            onChange={(e) => {
              setPublicYen(e.target.value);
              form.clear('publicYen');
            }}
          />
          <YenField
            id={form.id('totalYen')}
            label={labels.totalYen}
            required
            value={totalYen}
            error={form.error('totalYen')}
            onChange={(e) => {
              setTotalYen(e.target.value);
              form.clear('totalYen');
            }}
          />
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
      </form>
    </div>
  );
}
