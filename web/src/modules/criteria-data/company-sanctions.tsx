import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sanctionInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { addSanction, deleteSanction, sanctionKinds, useSanctions, type SanctionItem } from './criteria-data.api.ts';
import { DeleteAction, FormErrorSummary, useFormErrors, useOutcome } from './form-kit.tsx';

const P = 'sanction.';

/** Cases newest first; within a case, by date. */
function byCase(items: SanctionItem[]): Array<{ caseRef: string; items: SanctionItem[] }> {
  const groups = new Map<string, SanctionItem[]>();
  for (const s of items) groups.set(s.caseRef, [...(groups.get(s.caseRef) ?? []), s]);
  return [...groups]
    .map(([caseRef, list]) => ({ caseRef, items: list.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id) }))
    .sort((a, b) => b.items[b.items.length - 1]!.occurredOn.localeCompare(a.items[a.items.length - 1]!.occurredOn));
}

/** 起訴・不利益処分: grouped by case (同一事案), since the rule counts a case once however many dispositions it brought. */
export function CompanySanctions({ companyId, canWrite }: { companyId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useSanctions(companyId);
  const outcome = useOutcome();
  const cases = byCase(data?.items ?? []);

  return (
    <section aria-labelledby="sanctions-heading" data-testid="company-sanctions">
      <SectionHeading id="sanctions-heading">{t('criteriaData.sanctions.heading')}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.sanctions.lead')}</p>
      {outcome.view('sanctions-outcome')}
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        cases.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('criteriaData.sanctions.empty')}</p>
        ) : (
          <div className="flex flex-col gap-6">
            {cases.map((c) => (
              <Table key={c.caseRef} caption={t('criteriaData.sanctions.caseCaption', { caseRef: c.caseRef, count: c.items.length })} testId="sanction-case">
                <thead>
                  <tr>
                    <Th>{t('criteriaData.sanctions.occurredOn')}</Th>
                    <Th>{t('criteriaData.sanctions.kind')}</Th>
                    <Th>{t('criteriaData.sanctions.subject')}</Th>
                    <Th>{t('criteriaData.sanctions.description')}</Th>
                    {canWrite ? <Th>{t('criteriaData.actions')}</Th> : null}
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((s) => (
                    <Tr key={s.id}>
                      <Th scope="row" className="font-normal whitespace-nowrap">
                        <time dateTime={s.occurredOn}>{formatDate(s.occurredOn, lang)}</time>
                      </Th>
                      <Td className="min-w-48">{t(`criteria.codes.${s.kind}`)}</Td>
                      <Td className="whitespace-nowrap">{t(`criteriaData.sanctions.subjects.${s.subject}`)}</Td>
                      <Td className="min-w-64">{s.description ?? '—'}</Td>
                      {canWrite ? (
                        <Td>
                          <DeleteAction
                            label={t('criteriaData.sanctions.rowLabel', { caseRef: s.caseRef, kind: t(`criteria.codes.${s.kind}`), date: formatDate(s.occurredOn, lang) })}
                            onConfirm={async () => {
                              try {
                                await deleteSanction(companyId, s.id);
                                outcome.show({ ok: (t, lang) => t('criteriaData.sanctions.deleted', { caseRef: s.caseRef }) });
                                reload();
                              } catch (err) {
                                outcome.show({ error: err });
                              }
                            }}
                          />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ))}
          </div>
        )
      ) : null}
      {canWrite ? (
        <SanctionForm
          companyId={companyId}
          knownCases={cases.map((c) => c.caseRef)}
          onAdded={(s) => {
            outcome.show({ ok: (t, lang) => t('criteriaData.sanctions.added', { caseRef: s.caseRef, kind: t(`criteria.codes.${s.kind}`) }) });
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

type Values = { caseRef: string; kind: string; subject: 'company' | 'officer'; occurredOn: string; description: string };
const empty: Values = { caseRef: '', kind: '', subject: 'company', occurredOn: '', description: '' };

function SanctionForm({ companyId, knownCases, onAdded }: { companyId: number; knownCases: string[]; onAdded: (s: SanctionItem) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(P);
  const [v, setV] = useState<Values>(empty);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((d) => ({ ...d, [k]: value }));
    form.clear(k);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!v.kind) problems.kind = copyMessage('choose');
    if (!v.occurredOn) problems.occurredOn = copyMessage('required');
    const checked = validate(sanctionInputSchema, { ...v, kind: v.kind || 'prosecution', description: v.description.trim() || null });
    if (!checked.ok) Object.assign(problems, Object.fromEntries(Object.entries(checked.errors).filter(([k]) => !(k in problems))));
    if (Object.keys(problems).length || !checked.ok) return form.fail(problems);
    setBusy(true);
    try {
      const added = await addSanction(companyId, checked.value);
      form.reset();
      setV({ ...empty, caseRef: v.caseRef });
      onAdded(added);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = {
    caseRef: t('criteriaData.sanctions.caseRef'),
    kind: t('criteriaData.sanctions.kind'),
    subject: t('criteriaData.sanctions.subject'),
    occurredOn: t('criteriaData.sanctions.occurredOn'),
    description: t('criteriaData.sanctions.description'),
  };
  return (
    <div className="mt-6 max-w-2xl rounded-8 border border-solid-gray-420 p-5">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="sanction-form-heading" className="flex flex-col gap-5" data-testid="sanction-form">
        <h3 id="sanction-form-heading" className="text-std-18B-160">
          {t('criteriaData.sanctions.addHeading')}
        </h3>
        <TextField
          id={form.id('caseRef')}
          label={labels.caseRef}
          hint={t('criteriaData.sanctions.caseRefHint')}
          required
          maxLength={64}
          list={knownCases.length ? 'sanction-cases' : undefined}
          value={v.caseRef}
          error={form.error('caseRef')}
          onChange={(e) => set('caseRef', e.target.value)}
        />
        {knownCases.length ? (
          <datalist id="sanction-cases">
            {knownCases.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        ) : null}
        <Select id={form.id('kind')} label={labels.kind} required value={v.kind} error={form.error('kind')} onChange={(e) => set('kind', e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {sanctionKinds.map((k) => (
            <option key={k} value={k}>
              {t(`criteria.codes.${k}`)}
            </option>
          ))}
        </Select>
        <fieldset id={form.id('subject')} className="flex flex-col gap-2">
          <legend className="mb-2 text-std-16B-170 text-solid-gray-800">{labels.subject}</legend>
          {(['company', 'officer'] as const).map((s) => (
            <label key={s} className="flex cursor-pointer items-center gap-3 text-std-16N-170">
              <input type="radio" name="sanction-subject" value={s} className="size-5 shrink-0 accent-blue-900" checked={v.subject === s} onChange={() => set('subject', s)} />
              {t(`criteriaData.sanctions.subjects.${s}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          id={form.id('occurredOn')}
          type="date"
          label={labels.occurredOn}
          hint={t('criteriaData.sanctions.occurredOnHint')}
          required
          inputClassName="max-w-64"
          value={v.occurredOn}
          error={form.error('occurredOn')}
          onChange={(e) => set('occurredOn', e.target.value)}
        />
        <TextArea
          id={form.id('description')}
          label={labels.description}
          required={false}
          rows={3}
          maxLength={500}
          value={v.description}
          error={form.error('description')}
          onChange={(e) => set('description', e.target.value)}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('criteriaData.register')}
          </Button>
        </div>
      </form>
    </div>
  );
}
