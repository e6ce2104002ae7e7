import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionSchema } from '../../../../common/src/schemas/exchanges.schema.ts';
import { isApiError, unexpectedError } from '../../api.ts';
import { fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { blocksOf, transition, type Block, type CaseAction, type CaseDetail, type CaseEventName } from './exchanges.api.ts';
import type { CaseOutcome } from './case-outcome.tsx';

// 「次の操作」: one button per step the user may take now. A step a rule blocks stays disabled with
// its reasons written under it; a step that needs words or dates opens a small form in place.

/** The inputs each step asks for (besides the version). */
const inputsOf: Partial<Record<CaseEventName, Array<'note' | 'noteOptional' | 'actualDate' | 'endReason' | 'returnPost' | 'experienceUse'>>> = {
  query: ['note'],
  answer: ['note'],
  reject: ['note'],
  withdraw: ['noteOptional'],
  begin: ['actualDate'],
  return: ['returnPost', 'experienceUse', 'actualDate'],
  end_early: ['endReason', 'noteOptional', 'actualDate'],
};

const dangerous: CaseEventName[] = ['reject', 'withdraw', 'end_early'];

export function CaseActions({ detail, onDone }: { detail: CaseDetail; onDone: (o: CaseOutcome) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<CaseEventName | null>(null);
  const [busy, setBusy] = useState<CaseEventName | null>(null);
  const buttons = useRef<Partial<Record<CaseEventName, HTMLButtonElement | null>>>({});

  async function fire(event: CaseEventName, extra: Record<string, unknown> = {}): Promise<FieldErrors | null> {
    setBusy(event);
    try {
      const updated = await transition(detail.id, { event, version: detail.version, ...extra } as never);
      setOpen(null);
      onDone({ kind: 'done', event, state: updated.state });
      return null;
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      if (apiErr.code === 'validation_failed' && apiErr.fields.length) return fieldErrorsFrom(apiErr);
      onDone(apiErr.code === 'transition_blocked' ? { kind: 'blocked', event, blocks: blocksOf(apiErr.details), error: apiErr } : { kind: 'error', error: apiErr });
      return null;
    } finally {
      setBusy(null);
    }
  }

  if (detail.actions.length === 0) {
    return <p className="text-std-16N-170 text-solid-gray-700" data-testid="no-actions">{t('exchangeCases.actions.none')}</p>;
  }
  return (
    <ul className="flex flex-col gap-4" data-testid="case-actions">
      {detail.actions.map((a) => {
        const blocked = a.blocks.length > 0;
        const reasonsId = `action-${a.event}-reasons`;
        const needsInput = Boolean(inputsOf[a.event]);
        return (
          <li key={a.event} className="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`action-${a.event}`}>
            <div className="flex flex-wrap items-center gap-3">
              <Button
                ref={(el) => {
                  buttons.current[a.event] = el;
                }}
                variant={dangerous.includes(a.event) ? 'danger' : open === a.event ? 'secondary' : 'primary'}
                disabled={blocked || busy !== null}
                aria-describedby={blocked ? reasonsId : undefined}
                aria-expanded={needsInput ? open === a.event : undefined}
                aria-controls={needsInput ? `action-${a.event}-form` : undefined}
                data-testid={`action-${a.event}-button`}
                onClick={() => {
                  if (needsInput) setOpen(open === a.event ? null : a.event);
                  else void fire(a.event);
                }}
              >
                {t(`exchangeCases.event.${a.event}`)}
                {needsInput ? <span aria-hidden="true">{open === a.event ? '▲' : '▼'}</span> : null}
              </Button>
              <span className="text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.actions.leadsTo', { state: t(`exchangeCases.state.${a.to}`) })}</span>
            </div>
            {blocked ? <BlockList id={reasonsId} blocks={a.blocks} title={t('exchangeCases.actions.blockedTitle')} testId={`action-${a.event}-blocks`} /> : null}
            {open === a.event && !blocked ? (
              <ActionForm
                action={a}
                busy={busy === a.event}
                onCancel={() => {
                  setOpen(null);
                  setTimeout(() => buttons.current[a.event]?.focus(), 0);
                }}
                onSubmit={(extra) => fire(a.event, extra)}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The reasons a rule gives, in the reader's language, with a warning sign. */
export function BlockList({ id, blocks, title, testId }: { id?: string; blocks: Block[]; title: string; testId?: string }) {
  const lang = useLang();
  return (
    <div id={id} className="mt-3 rounded-6 border-l-4 border-error-2 bg-red-50 px-3 py-2" data-testid={testId}>
      <p className="flex items-center gap-2 text-dns-16B-130 text-error-2">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 fill-current">
          <path d="M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z" />
        </svg>
        {title}
      </p>
      <ul className="mt-1 list-disc pl-8 text-std-16N-170 text-solid-gray-900">
        {blocks.map((b) => (
          <li key={b.code} data-code={b.code}>
            {b.message[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Inputs = { note: string; actualDate: string; endReason: '' | 'resigned' | 'other'; returnPost: string; experienceUse: string };

function ActionForm({ action, busy, onCancel, onSubmit }: { action: CaseAction; busy: boolean; onCancel: () => void; onSubmit: (extra: Record<string, unknown>) => Promise<FieldErrors | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fields = inputsOf[action.event] ?? [];
  const P = `act-${action.event}.`;
  const [v, setV] = useState<Inputs>({ note: '', actualDate: '', endReason: '', returnPost: '', experienceUse: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const fid = (f: string) => fieldIdOf(`${P}${f}`);
  const err = (f: string) => errors[`${P}${f}`]?.[lang];
  const set = <K extends keyof Inputs>(k: K, value: Inputs[K]) => {
    setV((d) => ({ ...d, [k]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${P}${k}`)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = { event: action.event, version: 1 };
    if (v.note.trim()) body.note = v.note;
    if (v.actualDate) body.actualDate = v.actualDate;
    if (v.endReason) body.endReason = v.endReason;
    if (v.returnPost.trim()) body.returnPost = v.returnPost;
    if (v.experienceUse.trim()) body.experienceUse = v.experienceUse;
    const checked = validate(transitionSchema, body);
    const fail = (problems: FieldErrors) => {
      setErrors(Object.fromEntries(Object.entries(problems).map(([k, m]) => [`${P}${k}`, m])));
      setAttempt((a) => a + 1);
    };
    if (!checked.ok) return fail(checked.errors);
    const { event: _e, version: _v, ...extra } = body;
    const problems = await onSubmit(extra);
    if (problems) fail(problems);
  }

  const noteLabel = t(`exchangeCases.actions.noteLabel.${action.event}`, { defaultValue: t('exchangeCases.actions.noteLabel.default') });
  const labels: Record<string, string> = {
    note: noteLabel,
    returnPost: t('exchangeCases.fields.returnPost'),
    experienceUse: t('exchangeCases.fields.experienceUse'),
    endReason: t('exchangeCases.fields.endReason'),
    actualDate: t(action.event === 'begin' ? 'exchangeCases.actions.actualStart' : 'exchangeCases.actions.actualEnd'),
  };
  const items = summaryItems(
    errors,
    lang,
    ['endReason', 'returnPost', 'experienceUse', 'note', 'actualDate'].map((f) => ({ path: `${P}${f}`, label: labels[f]! })),
    (label, message) => t('errorSummary.item', { label, message }),
  );
  return (
    <div className="mt-4" id={`action-${action.event}-form`}>
      <ErrorSummary items={items} focusKey={attempt} />
      <form noValidate onSubmit={submit} className="flex max-w-3xl flex-col gap-4 rounded-8 bg-solid-gray-50 p-4" aria-labelledby={`action-${action.event}-form-heading`} data-testid={`action-${action.event}-form`}>
        <h3 id={`action-${action.event}-form-heading`} className="text-std-18B-160">
          {t(`exchangeCases.event.${action.event}`)}
        </h3>
        {fields.includes('endReason') ? (
          <Select id={fid('endReason')} label={labels.endReason} required value={v.endReason} error={err('endReason')} onChange={(e) => set('endReason', e.target.value as Inputs['endReason'])} autoFocus>
            <option value="">{t('common.choose')}</option>
            <option value="resigned">{t('exchangeCases.endReason.resigned')}</option>
            <option value="other">{t('exchangeCases.endReason.other')}</option>
          </Select>
        ) : null}
        {fields.includes('returnPost') ? (
          <TextField id={fid('returnPost')} label={labels.returnPost} hint={t('exchangeCases.actions.returnPostHint')} required maxLength={200} value={v.returnPost} error={err('returnPost')} onChange={(e) => set('returnPost', e.target.value)} autoFocus />
        ) : null}
        {fields.includes('experienceUse') ? (
          <TextArea id={fid('experienceUse')} label={labels.experienceUse} required={false} rows={3} maxLength={4000} value={v.experienceUse} error={err('experienceUse')} onChange={(e) => set('experienceUse', e.target.value)} />
        ) : null}
        {fields.includes('note') || fields.includes('noteOptional') ? (
          <TextArea
            id={fid('note')}
            label={labels.note}
            required={fields.includes('note')}
            rows={4}
            maxLength={4000}
            value={v.note}
            error={err('note')}
            onChange={(e) => set('note', e.target.value)}
            autoFocus={fields[0] === 'note' || fields[0] === 'noteOptional'}
          />
        ) : null}
        {fields.includes('actualDate') ? (
          <TextField
            id={fid('actualDate')}
            type="date"
            label={labels.actualDate}
            hint={t(action.event === 'begin' ? 'exchangeCases.actions.actualStartHint' : 'exchangeCases.actions.actualEndHint')}
            required={false}
            className="max-w-xs"
            value={v.actualDate}
            error={err('actualDate')}
            onChange={(e) => set('actualDate', e.target.value)}
            autoFocus={fields[0] === 'actualDate'}
          />
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant={dangerous.includes(action.event) ? 'danger' : 'primary'} disabled={busy} data-testid={`action-${action.event}-submit`}>
            {t('exchangeCases.actions.confirm', { action: t(`exchangeCases.event.${action.event}`) })}
          </Button>
          <Button variant="tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
