import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionRequestSchema, interviewInputSchema, interviewRecordSchema } from '../../../../common/src/schemas/exchanges.schema.ts';
import { isApiError, unexpectedError } from '../../api.ts';
import { fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { formatDate } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import { blocksOf, decideExtension, mayCase, recordInterview, requestExtension, scheduleInterview, type CaseDetail, type Extension, type Interview } from './exchanges.api.ts';
import type { CaseOutcome } from './case-outcome.tsx';

type Report = (o: CaseOutcome) => void;

/** A small form's errors: keyed by field under a prefix, with a summary that links to each field. */
function useSmallForm(prefix: string) {
  const lang = useLang();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  return {
    id: (f: string) => fieldIdOf(`${prefix}${f}`),
    error: (f: string) => errors[`${prefix}${f}`]?.[lang],
    clear: (f: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${prefix}${f}`))),
    fail: (problems: FieldErrors) => {
      setErrors(Object.fromEntries(Object.entries(problems).map(([k, m]) => [`${prefix}${k}`, m])));
      setAttempt((a) => a + 1);
    },
    reset: () => setErrors({}),
    summary: (labels: Record<string, string>, t: (k: string, o?: Record<string, unknown>) => string) => (
      <ErrorSummary
        items={summaryItems(
          errors,
          lang,
          Object.entries(labels).map(([f, label]) => ({ path: `${prefix}${f}`, label })),
          (label, message) => t('errorSummary.item', { label, message }),
        )}
        focusKey={attempt}
      />
    ),
  };
}

/** Sends a follow-up change: field errors stay on the form, a refusal or success goes to the page's message. */
async function send<T>(request: () => Promise<T>, form: ReturnType<typeof useSmallForm>, report: Report, ok: CaseOutcome): Promise<boolean> {
  try {
    await request();
    form.reset();
    report(ok);
    return true;
  } catch (err) {
    const e = isApiError(err) ? err : unexpectedError();
    if (e.code === 'validation_failed' && e.fields.length) form.fail(fieldErrorsFrom(e));
    else if (e.code === 'transition_blocked') report({ kind: 'blocked', event: 'extend', blocks: blocksOf(e.details), error: e });
    else report({ kind: 'error', error: e });
    return false;
  }
}

const underWay = (s: CaseDetail['state']) => ['agreement_signed', 'active', 'extended'].includes(s);

/** フォローアップ面談: the schedule (every few months from the start), each recorded as held or cancelled, and new ones. */
export function CaseInterviews({ detail, report }: { detail: CaseDetail; report: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const can = mayCase.followUp(account, detail) && underWay(detail.state);
  const [recording, setRecording] = useState<number | null>(null);
  const items = [...detail.interviews].sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn));
  // Once the exchange is over, an interview still "scheduled" was never recorded.
  const ended = detail.state === 'returned' || detail.state === 'ended_early';
  return (
    <div className="flex flex-col gap-4" data-testid="case-interviews">
      <p className="text-std-16N-170 text-solid-gray-800">{t('exchangeCases.interviews.interval', { months: detail.interviewIntervalMonths })}</p>
      {items.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('exchangeCases.interviews.none')}</p>
      ) : (
        <Table caption={t('exchangeCases.interviews.caption', { count: items.length })} testId="interviews-table">
          <thead>
            <tr>
              <Th>{t('exchangeCases.interviews.scheduledOn')}</Th>
              <Th>{t('exchangeCases.interviews.status')}</Th>
              <Th>{t('exchangeCases.interviews.record')}</Th>
              {can ? <Th>{t('criteriaData.actions')}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <Tr key={i.id}>
                <Th scope="row" className="min-w-44 font-normal">
                  <time dateTime={i.scheduledOn}>{formatDate(i.scheduledOn, lang)}</time>
                </Th>
                <Td className="whitespace-nowrap">
                  <span data-testid={`interview-status-${i.id}`}>
                    {i.status === 'held' ? <span aria-hidden="true">✓ </span> : null}
                    {t(`exchangeCases.interviews.statusValue.${i.status === 'scheduled' && ended ? 'missed' : i.status}`)}
                  </span>
                </Td>
                <Td className="min-w-64">
                  {i.heldOn ? <span className="block">{t('exchangeCases.interviews.heldOn', { date: formatDate(i.heldOn, lang) })}</span> : null}
                  {i.interviewer ? <span className="block">{t('exchangeCases.interviews.by', { name: i.interviewer })}</span> : null}
                  {i.notes ? <span className="block whitespace-pre-wrap">{i.notes}</span> : null}
                  {recording === i.id ? <RecordForm detail={detail} interview={i} report={report} onClose={() => setRecording(null)} /> : null}
                </Td>
                {can ? (
                  <Td>
                    {i.status === 'scheduled' && recording !== i.id ? (
                      <Button size="sm" variant="secondary" onClick={() => setRecording(i.id)} aria-label={t('exchangeCases.interviews.recordLabel', { date: formatDate(i.scheduledOn, lang) })} data-testid={`interview-record-${i.id}`}>
                        {t('exchangeCases.interviews.recordButton')}
                      </Button>
                    ) : null}
                  </Td>
                ) : null}
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {can ? <ScheduleForm detail={detail} report={report} /> : null}
    </div>
  );
}

function RecordForm({ detail, interview, report, onClose }: { detail: CaseDetail; interview: Interview; report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSmallForm(`iv-${interview.id}.`);
  const [v, setV] = useState({ status: 'held' as 'held' | 'cancelled', heldOn: '', interviewer: interview.interviewer ?? '', notes: '' });
  const [busy, setBusy] = useState(false);
  const labels = { status: t('exchangeCases.interviews.status'), heldOn: t('exchangeCases.interviews.heldOnLabel'), interviewer: t('exchangeCases.interviews.interviewer'), notes: t('exchangeCases.interviews.notes') };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { status: v.status, ...(v.status === 'held' && v.heldOn ? { heldOn: v.heldOn } : {}), ...(v.interviewer.trim() ? { interviewer: v.interviewer } : {}), ...(v.notes.trim() ? { notes: v.notes } : {}) };
    const checked = validate(interviewRecordSchema, body);
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    const ok = await send(() => recordInterview(detail.id, interview.id, body), form, report, { kind: 'ok', message: (tt) => tt(v.status === 'held' ? 'exchangeCases.interviews.recordedHeld' : 'exchangeCases.interviews.recordedCancelled') });
    setBusy(false);
    if (ok) onClose();
  }
  return (
    <div className="mt-3">
      {form.summary(labels, t)}
      <form noValidate onSubmit={submit} className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-3" aria-label={t('exchangeCases.interviews.recordButton')} data-testid={`interview-form-${interview.id}`}>
        <fieldset id={form.id('status')}>
          <legend className="mb-1 text-std-16B-170">{labels.status}</legend>
          {(['held', 'cancelled'] as const).map((s) => (
            <label key={s} className="mr-4 inline-flex cursor-pointer items-center gap-2">
              <input type="radio" name={`iv-${interview.id}-status`} className="size-5 accent-blue-900" checked={v.status === s} onChange={() => setV((d) => ({ ...d, status: s }))} autoFocus={s === 'held'} />
              {t(`exchangeCases.interviews.statusValue.${s}`)}
            </label>
          ))}
        </fieldset>
        {v.status === 'held' ? (
          <TextField id={form.id('heldOn')} type="date" label={labels.heldOn} hint={t('exchangeCases.interviews.heldOnHint')} required={false} className="max-w-xs" value={v.heldOn} error={form.error('heldOn')} onChange={(e) => setV((d) => ({ ...d, heldOn: e.target.value }))} />
        ) : null}
        <TextField id={form.id('interviewer')} label={labels.interviewer} required={false} maxLength={200} value={v.interviewer} error={form.error('interviewer')} onChange={(e) => setV((d) => ({ ...d, interviewer: e.target.value }))} />
        <TextArea id={form.id('notes')} label={labels.notes} required={false} rows={3} maxLength={8000} value={v.notes} error={form.error('notes')} onChange={(e) => setV((d) => ({ ...d, notes: e.target.value }))} />
        <div className="flex gap-3">
          <Button type="submit" size="sm" disabled={busy} data-testid={`interview-save-${interview.id}`}>
            {t('common.save')}
          </Button>
          <Button size="sm" variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function ScheduleForm({ detail, report }: { detail: CaseDetail; report: Report }) {
  const { t } = useTranslation();
  const form = useSmallForm('iv-new.');
  const [v, setV] = useState({ scheduledOn: '', interviewer: '' });
  const [busy, setBusy] = useState(false);
  const labels = { scheduledOn: t('exchangeCases.interviews.scheduledOn'), interviewer: t('exchangeCases.interviews.interviewer') };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { scheduledOn: v.scheduledOn, ...(v.interviewer.trim() ? { interviewer: v.interviewer } : {}) };
    const checked = validate(interviewInputSchema, body);
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    if (await send(() => scheduleInterview(detail.id, body), form, report, { kind: 'ok', message: (tt) => tt('exchangeCases.interviews.scheduled') })) setV({ scheduledOn: '', interviewer: '' });
    setBusy(false);
  }
  return (
    <div>
      {form.summary(labels, t)}
      <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-labelledby="interview-new-heading" data-testid="interview-schedule-form">
        <h3 id="interview-new-heading" className="w-full text-std-18B-160">
          {t('exchangeCases.interviews.newHeading')}
        </h3>
        <TextField id={form.id('scheduledOn')} type="date" label={labels.scheduledOn} required value={v.scheduledOn} error={form.error('scheduledOn')} onChange={(e) => setV((d) => ({ ...d, scheduledOn: e.target.value }))} />
        <TextField id={form.id('interviewer')} label={labels.interviewer} required={false} maxLength={200} value={v.interviewer} error={form.error('interviewer')} onChange={(e) => setV((d) => ({ ...d, interviewer: e.target.value }))} />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('exchangeCases.interviews.schedule')}
        </Button>
      </form>
    </div>
  );
}

/** 延長: the ministry asks (within 5 years of the start), the NPA approves — which extends the case — or refuses. */
export function CaseExtensions({ detail, report }: { detail: CaseDetail; report: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const live = detail.state === 'active' || detail.state === 'extended';
  const pending = detail.extensions.some((x) => x.status === 'requested');
  return (
    <div className="flex flex-col gap-4" data-testid="case-extensions">
      {detail.extensions.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('exchangeCases.extensions.none')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {detail.extensions.map((x) => (
            <li key={x.id} className="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`extension-${x.id}`}>
              <p className="text-std-16B-170">
                {t('exchangeCases.extensions.to', { date: formatDate(x.requestedEnd, lang) })}
                <span className="ml-3 text-dns-14B-120" data-testid={`extension-status-${x.id}`}>
                  {t(`exchangeCases.extensions.status.${x.status}`)}
                </span>
              </p>
              <p className="mt-1 text-std-16N-170 whitespace-pre-wrap">{x.reason}</p>
              {x.decisionNote ? <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('exchangeCases.extensions.note', { note: x.decisionNote })}</p> : null}
              {x.status === 'requested' && mayCase.decideExtension(account) ? <DecisionForm detail={detail} extension={x} report={report} /> : null}
            </li>
          ))}
        </ul>
      )}
      {live && !pending && mayCase.requestExtension(account, detail) ? <RequestForm detail={detail} report={report} /> : null}
    </div>
  );
}

function RequestForm({ detail, report }: { detail: CaseDetail; report: Report }) {
  const { t } = useTranslation();
  const form = useSmallForm('ext.');
  const [v, setV] = useState({ requestedEnd: '', reason: '' });
  const [busy, setBusy] = useState(false);
  const labels = { requestedEnd: t('exchangeCases.extensions.requestedEnd'), reason: t('exchangeCases.extensions.reason') };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validate(extensionRequestSchema, v);
    if (!checked.ok) return form.fail(checked.errors);
    setBusy(true);
    if (await send(() => requestExtension(detail.id, v), form, report, { kind: 'ok', message: (tt) => tt('exchangeCases.extensions.requested') })) setV({ requestedEnd: '', reason: '' });
    setBusy(false);
  }
  return (
    <div>
      {form.summary(labels, t)}
      <form noValidate onSubmit={submit} className="flex max-w-3xl flex-col gap-3" aria-labelledby="extension-form-heading" data-testid="extension-form">
        <h3 id="extension-form-heading" className="text-std-18B-160">
          {t('exchangeCases.extensions.formHeading')}
        </h3>
        <p className="text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.extensions.limitHint')}</p>
        <TextField id={form.id('requestedEnd')} type="date" label={labels.requestedEnd} required className="max-w-xs" value={v.requestedEnd} error={form.error('requestedEnd')} onChange={(e) => setV((d) => ({ ...d, requestedEnd: e.target.value }))} />
        <TextArea id={form.id('reason')} label={labels.reason} required rows={3} maxLength={4000} value={v.reason} error={form.error('reason')} onChange={(e) => setV((d) => ({ ...d, reason: e.target.value }))} />
        <div>
          <Button type="submit" variant="secondary" disabled={busy} data-testid="extension-submit">
            {t('exchangeCases.extensions.request')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function DecisionForm({ detail, extension, report }: { detail: CaseDetail; extension: Extension; report: Report }) {
  const { t } = useTranslation();
  const form = useSmallForm(`extd-${extension.id}.`);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function decide(approve: boolean) {
    setBusy(true);
    await send(
      () => decideExtension(detail.id, extension.id, { approve, version: detail.version, ...(note.trim() ? { note } : {}) }),
      form,
      report,
      approve ? { kind: 'ok', message: (tt) => tt('exchangeCases.extensions.approved') } : { kind: 'ok', message: (tt) => tt('exchangeCases.extensions.refused') },
    );
    setBusy(false);
  }
  return (
    <div className="mt-3 flex max-w-3xl flex-col gap-3 rounded-8 bg-solid-gray-50 p-3" role="group" aria-label={t('exchangeCases.extensions.decide')} data-testid={`extension-decision-${extension.id}`}>
      <TextArea id={form.id('note')} label={t('exchangeCases.extensions.decisionNote')} required={false} rows={2} maxLength={4000} value={note} error={form.error('note')} onChange={(e) => setNote(e.target.value)} />
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void decide(true)} disabled={busy} data-testid="extension-approve">
          {t('exchangeCases.extensions.approve')}
        </Button>
        <Button variant="danger" onClick={() => void decide(false)} disabled={busy} data-testid="extension-refuse">
          {t('exchangeCases.extensions.refuse')}
        </Button>
      </div>
    </div>
  );
}
