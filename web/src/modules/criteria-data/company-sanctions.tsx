import { useTranslation } from 'react-i18next';
import { sanctionInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { addSanction, deleteSanction, sanctionKinds, useSanctions, type SanctionItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, LoadedList, RecordForm, RecordSection, useFormErrors, useFormValues, useOutcome, useSubmit } from './form-kit.tsx';

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
  const sanctions = useSanctions(companyId);
  const { reload } = sanctions;
  const outcome = useOutcome();
  const cases = byCase(sanctions.data?.items ?? []);

  return (
    <RecordSection headingId="sanctions-heading" testId="company-sanctions" heading={t('criteriaData.sanctions.heading')} lead={t('criteriaData.sanctions.lead')}>
      {outcome.view('sanctions-outcome')}
      <LoadedList state={sanctions} count={cases.length} empty={t('criteriaData.sanctions.empty')}>
        {() => (
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
                            onConfirm={() => outcome.run(() => deleteSanction(companyId, s.id), (t) => t('criteriaData.sanctions.deleted', { caseRef: s.caseRef }), reload)}
                          />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ))}
          </div>
        )}
      </LoadedList>
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
    </RecordSection>
  );
}

type Values = { caseRef: string; kind: string; subject: 'company' | 'officer'; occurredOn: string; description: string };
const empty: Values = { caseRef: '', kind: '', subject: 'company', occurredOn: '', description: '' };

function SanctionForm({ companyId, knownCases, onAdded }: { companyId: number; knownCases: string[]; onAdded: (s: SanctionItem) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(P);
  const { values: v, setValues, set, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.kind) problems.kind = copyMessage('choose');
    if (!v.occurredOn) problems.occurredOn = copyMessage('required');
    const input = checkInput(form, sanctionInputSchema, { ...v, kind: v.kind || 'prosecution', description: v.description.trim() || null }, problems);
    if (!input) return;
    await submit(
      () => addSanction(companyId, input),
      (added) => {
        setValues({ ...empty, caseRef: v.caseRef });
        onAdded(added);
      },
    );
  }

  const labels = {
    caseRef: t('criteriaData.sanctions.caseRef'),
    kind: t('criteriaData.sanctions.kind'),
    subject: t('criteriaData.sanctions.subject'),
    occurredOn: t('criteriaData.sanctions.occurredOn'),
    description: t('criteriaData.sanctions.description'),
  };
  return (
    <RecordForm
      name="sanction"
      level={3}
      heading={t('criteriaData.sanctions.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-2xl rounded-8 border border-solid-gray-420 p-5"
    >
      <TextField
        {...bind('caseRef')}
        label={labels.caseRef}
        hint={t('criteriaData.sanctions.caseRefHint')}
        required
        maxLength={64}
        list={knownCases.length ? 'sanction-cases' : undefined}
      />
      {knownCases.length ? (
        <datalist id="sanction-cases">
          {knownCases.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      ) : null}
      <Select {...bind('kind')} label={labels.kind} required>
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
      <TextField {...bind('occurredOn')} type="date" label={labels.occurredOn} hint={t('criteriaData.sanctions.occurredOnHint')} required inputClassName="max-w-64" />
      <TextArea {...bind('description')} label={labels.description} required={false} rows={3} maxLength={500} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('criteriaData.register')}
        </Button>
      </div>
    </RecordForm>
  );
}
