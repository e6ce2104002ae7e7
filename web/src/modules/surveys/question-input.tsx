// One survey question as form controls, by type (issue 7 item 4). Accessibility choices:
// - scale / single / best: a fieldset of radios whose legend is the question (number and prompt);
// - matrix: on wide screens a table (caption = the question, th scope="col" per option, th scope="row"
//   per item) where each radio is named by its row and column headers (aria-labelledby); under 768 px
//   each item becomes a fieldset of its own with the options stacked — the same names and values;
// - multiple / upTo: checkboxes; upTo shows a live 「N/3 選択中」 and refuses a 4th (the box stays
//   enabled, so it is still found and read, and a message says why it did not tick); choosing an
//   exclusive option (特になし) clears the others and vice versa;
// - number: a text input with inputmode, the unit after it; text: a textarea with a live counter;
// - every control's id is inputIdFor(question[, item]) so the error summary links to it.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswerValue, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { useLang, type Lang } from '../../i18n.ts';
import { controlClass } from '../../ui/field.tsx';
import { cx } from '../../ui/cx.ts';
import { optionsOf } from './survey-logic.ts';
import { questionNumber } from './survey-text.ts';

export { conditionText, questionNumber } from './survey-text.ts';

export const inputIdFor = (question: string, item?: string): string => `q-${question}${item ? `--${item}` : ''}`;

export function useWideScreen(minWidth = 768): boolean {
  const query = `(min-width: ${minWidth}px)`;
  const [wide, setWide] = useState(() => (typeof window === 'undefined' || !window.matchMedia ? true : window.matchMedia(query).matches));
  useEffect(() => {
    if (!window.matchMedia) return;
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    on();
    return () => m.removeEventListener('change', on);
  }, [query]);
  return wide;
}

type Props = {
  question: SurveyQuestion;
  value: SurveyAnswerValue | null | undefined;
  onChange: (v: SurveyAnswerValue | null) => void;
  readOnly?: boolean;
  /** The server's (or a client check's) message for the question and for matrix items. */
  error?: string | undefined;
  itemErrors?: Record<string, string>;
  /** Extra line under the prompt (e.g. the display condition in the preview). */
  note?: ReactNode;
};

function Legend({ q, lang, children }: { q: SurveyQuestion; lang: Lang; children?: ReactNode }) {
  const { t } = useTranslation();
  const num = questionNumber(q, lang);
  return (
    <legend className="float-left mb-1 w-full text-std-17B-170 text-solid-gray-900">
      {num ? <span className="mr-2 text-blue-1000">{num}</span> : null}
      {q.prompt[lang]}
      <span className={cx('ml-2 text-dns-14N-130', q.required ? 'text-error-2' : 'text-solid-gray-700')}>{q.required ? t('common.required') : t('common.optional')}</span>
      {children}
    </legend>
  );
}

function ErrorLine({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-dns-16N-130 text-error-2">
      <span aria-hidden="true">＊</span>
      {message}
    </p>
  );
}

const radioClass = 'size-5 shrink-0 accent-blue-900';
const choiceLabelClass = 'flex min-h-11 cursor-pointer items-center gap-3 text-std-16N-170';

export function QuestionInput({ question: q, value, onChange, readOnly, error, itemErrors, note }: Props) {
  const lang = useLang();
  const { t } = useTranslation();
  const base = inputIdFor(q.id);
  const hintId = `${base}-hint`;
  const errId = `${base}-error`;
  const noteEl = note ? (
    <p className="text-dns-14N-130 leading-150 text-solid-gray-700" data-testid={`note-${q.id}`}>
      {note}
    </p>
  ) : null;
  const frame = (invalid: boolean) => cx('flex flex-col gap-2 rounded-8 border p-4 sm:p-5', invalid ? 'border-2 border-error-1' : 'border-solid-gray-420');

  if (q.type === 'scale' || q.type === 'single' || q.type === 'best') {
    const options = optionsOf(q);
    const hint = q.type === 'best' ? t('surveys.form.hintBest') : null;
    const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
    return (
      <fieldset className={frame(!!error)} aria-describedby={describedBy} data-testid={`question-${q.id}`}>
        <Legend q={q} lang={lang} />
        {noteEl}
        {hint ? (
          <p id={hintId} className="text-dns-14N-130 leading-150 text-solid-gray-700">
            {hint}
          </p>
        ) : null}
        <ErrorLine id={errId} message={error} />
        <div className={cx('flex flex-col gap-x-6', q.type === 'scale' && 'md:flex-row md:flex-wrap')}>
          {options.map((o, i) => {
            const id = i === 0 ? base : `${base}-${o.id}`;
            return (
              <label key={o.id} htmlFor={id} className={choiceLabelClass}>
                <input
                  id={id}
                  type="radio"
                  name={base}
                  value={o.id}
                  className={radioClass}
                  checked={value === o.id}
                  disabled={readOnly}
                  aria-invalid={error ? true : undefined}
                  onChange={() => onChange(o.id)}
                />
                <span>{o.label[lang]}</span>
              </label>
            );
          })}
        </div>
        {!readOnly && !q.required && typeof value === 'string' ? (
          <button type="button" className="self-start text-dns-16N-130 text-blue-1000 underline" onClick={() => onChange(null)}>
            {t('surveys.form.clearChoice')}
          </button>
        ) : null}
      </fieldset>
    );
  }

  if (q.type === 'matrix') return <MatrixInput q={q} value={value} onChange={onChange} readOnly={readOnly} error={error} itemErrors={itemErrors} note={noteEl} />;

  if (q.type === 'multiple' || q.type === 'upTo') {
    const chosen = Array.isArray(value) ? value : [];
    return <ChoiceBoxes q={q} chosen={chosen} onChange={onChange} readOnly={readOnly} error={error} note={noteEl} />;
  }

  if (q.type === 'number') {
    const unit = q.unit?.[lang];
    const range =
      q.min !== undefined || q.max !== undefined ? t('surveys.form.range', { min: q.min ?? '', max: q.max ?? '' }) : null;
    return <NumberInput q={q} value={typeof value === 'number' ? value : null} onChange={onChange} readOnly={readOnly} error={error} unit={unit} hint={range} note={noteEl} />;
  }

  // text
  const text = typeof value === 'string' ? value : '';
  const len = [...text.trim()].length;
  const over = len > q.maxLength;
  const counterId = `${base}-counter`;
  const Control = q.multiline ? 'textarea' : 'input';
  return (
    <div className={frame(!!error || over)} data-testid={`question-${q.id}`}>
      <label htmlFor={base} className="text-std-17B-170 text-solid-gray-900">
        {questionNumber(q, lang) ? <span className="mr-2 text-blue-1000">{questionNumber(q, lang)}</span> : null}
        {q.prompt[lang]}
        <span className={cx('ml-2 text-dns-14N-130', q.required ? 'text-error-2' : 'text-solid-gray-700')}>{q.required ? t('common.required') : t('common.optional')}</span>
      </label>
      {noteEl}
      <ErrorLine id={errId} message={error} />
      <Control
        id={base}
        name={base}
        value={text}
        readOnly={readOnly}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={[counterId, error ? errId : null].filter(Boolean).join(' ')}
        rows={q.multiline ? 6 : undefined}
        className={controlClass(!!error || over)}
        onChange={(e: { target: { value: string } }) => onChange(e.target.value === '' ? null : e.target.value)}
      />
      <p id={counterId} aria-live="polite" className={cx('text-dns-14N-130', over ? 'text-error-2' : 'text-solid-gray-700')} data-testid={`counter-${q.id}`}>
        {t('surveys.form.counter', { count: len, max: q.maxLength })}
      </p>
    </div>
  );
}

function MatrixInput({
  q,
  value,
  onChange,
  readOnly,
  error,
  itemErrors,
  note,
}: {
  q: Extract<SurveyQuestion, { type: 'matrix' }>;
  value: SurveyAnswerValue | null | undefined;
  onChange: (v: SurveyAnswerValue | null) => void;
  readOnly?: boolean | undefined;
  error?: string | undefined;
  itemErrors?: Record<string, string> | undefined;
  note: ReactNode;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const wide = useWideScreen();
  const uid = useId();
  const options = optionsOf(q);
  const answers = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const set = (item: string, option: string) => onChange({ ...answers, [item]: option });
  const errId = `${inputIdFor(q.id)}-error`;
  const answered = q.items.filter((it) => answers[it.id]).length;
  const progress = (
    <p className="text-dns-14N-130 text-solid-gray-700" data-testid={`matrix-progress-${q.id}`}>
      {t('surveys.form.matrixProgress', { answered, total: q.items.length })}
    </p>
  );

  if (!wide) {
    return (
      <fieldset className={cx('flex flex-col gap-3 rounded-8 border p-4', error ? 'border-2 border-error-1' : 'border-solid-gray-420')} aria-describedby={error ? errId : undefined} data-testid={`question-${q.id}`}>
        <Legend q={q} lang={lang} />
        {note}
        <ErrorLine id={errId} message={error} />
        {progress}
        {q.items.map((it) => {
          const itemErr = itemErrors?.[it.id];
          const itemErrId = `${inputIdFor(q.id, it.id)}-error`;
          return (
            <fieldset key={it.id} className="rounded-8 bg-solid-gray-50 p-3" aria-describedby={itemErr ? itemErrId : undefined}>
              <legend className="float-left mb-1 w-full text-std-16B-170 text-solid-gray-900">{it.label[lang]}</legend>
              <ErrorLine id={itemErrId} message={itemErr} />
              <div className="clear-left flex flex-col">
                {options.map((o, i) => {
                  const id = i === 0 ? inputIdFor(q.id, it.id) : `${inputIdFor(q.id, it.id)}-${o.id}`;
                  return (
                    <label key={o.id} htmlFor={id} className={choiceLabelClass}>
                      <input id={id} type="radio" name={inputIdFor(q.id, it.id)} value={o.id} className={radioClass} checked={answers[it.id] === o.id} disabled={readOnly} onChange={() => set(it.id, o.id)} />
                      <span>{o.label[lang]}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
      </fieldset>
    );
  }

  const colId = (o: string) => `${uid}-col-${o}`;
  const rowId = (i: string) => `${uid}-row-${i}`;
  return (
    <div className={cx('flex flex-col gap-2 rounded-8 border p-4 sm:p-5', error ? 'border-2 border-error-1' : 'border-solid-gray-420')} data-testid={`question-${q.id}`}>
      <p id={`${uid}-prompt`} className="text-std-17B-170 text-solid-gray-900">
        {questionNumber(q, lang) ? <span className="mr-2 text-blue-1000">{questionNumber(q, lang)}</span> : null}
        {q.prompt[lang]}
        <span className={cx('ml-2 text-dns-14N-130', q.required ? 'text-error-2' : 'text-solid-gray-700')}>{q.required ? t('common.required') : t('common.optional')}</span>
      </p>
      {note}
      <ErrorLine id={errId} message={error} />
      {progress}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-dns-16N-130">
          <caption className="sr-only">{`${questionNumber(q, lang)} ${q.title[lang]}`}</caption>
          <thead>
            <tr>
              <td className="border-b border-solid-gray-420 p-2" />
              {options.map((o) => (
                <th key={o.id} id={colId(o.id)} scope="col" className="w-24 border-b border-solid-gray-420 bg-solid-gray-50 p-2 text-center align-bottom text-dns-14B-120 text-solid-gray-900">
                  {o.label[lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.items.map((it) => {
              const itemErr = itemErrors?.[it.id];
              return (
                <tr key={it.id} className={cx('border-b border-solid-gray-200', itemErr && 'bg-red-50')}>
                  <th id={rowId(it.id)} scope="row" className="p-2 text-left align-middle text-dns-16N-130 font-normal text-solid-gray-900">
                    {it.label[lang]}
                    {itemErr ? (
                      <span id={`${inputIdFor(q.id, it.id)}-error`} className="mt-1 block text-dns-14N-130 text-error-2">
                        <span aria-hidden="true">＊</span>
                        {itemErr}
                      </span>
                    ) : null}
                  </th>
                  {options.map((o, i) => {
                    const id = i === 0 ? inputIdFor(q.id, it.id) : `${inputIdFor(q.id, it.id)}-${o.id}`;
                    return (
                      <td key={o.id} className="p-0 text-center">
                        <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center justify-center">
                          <input
                            id={id}
                            type="radio"
                            name={inputIdFor(q.id, it.id)}
                            value={o.id}
                            className={radioClass}
                            checked={answers[it.id] === o.id}
                            disabled={readOnly}
                            aria-labelledby={`${rowId(it.id)} ${colId(o.id)}`}
                            aria-describedby={itemErr ? `${inputIdFor(q.id, it.id)}-error` : error ? errId : undefined}
                            onChange={() => set(it.id, o.id)}
                          />
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ChoiceBoxes({
  q,
  chosen,
  onChange,
  readOnly,
  error,
  note,
}: {
  q: Extract<SurveyQuestion, { type: 'multiple' | 'upTo' }>;
  chosen: string[];
  onChange: (v: SurveyAnswerValue | null) => void;
  readOnly?: boolean | undefined;
  error?: string | undefined;
  note: ReactNode;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  const base = inputIdFor(q.id);
  const max = q.type === 'upTo' ? q.max : null;
  const hintId = `${base}-hint`;
  const errId = `${base}-error`;
  const statusId = `${base}-status`;
  const toggle = (id: string, on: boolean) => {
    const option = q.options.find((o) => o.id === id)!;
    let next = new Set(chosen);
    if (on) {
      if (option.exclusive) next = new Set();
      else for (const o of q.options) if (o.exclusive) next.delete(o.id);
      if (max !== null && next.size >= max && !next.has(id)) {
        setRefused(true);
        return;
      }
      next.add(id);
    } else next.delete(id);
    setRefused(false);
    const ordered = q.options.map((o) => o.id).filter((o) => next.has(o));
    onChange(ordered.length ? ordered : null);
  };
  const hint = max !== null ? t('surveys.form.hintUpTo', { max }) : t('surveys.form.hintMultiple');
  return (
    <fieldset
      className={cx('flex flex-col gap-2 rounded-8 border p-4 sm:p-5', error ? 'border-2 border-error-1' : 'border-solid-gray-420')}
      aria-describedby={[hintId, max !== null ? statusId : null, error ? errId : null].filter(Boolean).join(' ')}
      data-testid={`question-${q.id}`}
    >
      <Legend q={q} lang={lang} />
      {note}
      <p id={hintId} className="text-dns-14N-130 leading-150 text-solid-gray-700">
        {hint}
      </p>
      <ErrorLine id={errId} message={error} />
      <div className="grid grid-cols-1 gap-x-6 gap-y-1 md:grid-cols-2">
        {q.options.map((o, i) => {
          const id = i === 0 ? base : `${base}-${o.id}`;
          return (
            <label key={o.id} htmlFor={id} className={choiceLabelClass}>
              <input
                id={id}
                type="checkbox"
                value={o.id}
                className={radioClass}
                checked={chosen.includes(o.id)}
                disabled={readOnly}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.id, e.target.checked)}
              />
              <span>{o.label[lang]}</span>
            </label>
          );
        })}
      </div>
      {max !== null ? (
        <p id={statusId} aria-live="polite" className={cx('text-dns-16N-130', refused ? 'text-error-2' : 'text-solid-gray-800')} data-testid={`upto-status-${q.id}`}>
          {t('surveys.form.selected', { count: chosen.length, max })}
          {refused ? ` ${t('surveys.form.tooMany', { max })}` : ''}
        </p>
      ) : null}
    </fieldset>
  );
}

function NumberInput({
  q,
  value,
  onChange,
  readOnly,
  error,
  unit,
  hint,
  note,
}: {
  q: Extract<SurveyQuestion, { type: 'number' }>;
  value: number | null;
  onChange: (v: SurveyAnswerValue | null) => void;
  readOnly?: boolean | undefined;
  error?: string | undefined;
  unit?: string | undefined;
  hint: string | null;
  note: ReactNode;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const base = inputIdFor(q.id);
  const [text, setText] = useState(value === null ? '' : String(value));
  const [bad, setBad] = useState(false);
  const msg = error ?? (bad ? t('surveys.form.notNumber') : undefined);
  return (
    <div className={cx('flex flex-col gap-2 rounded-8 border p-4 sm:p-5', msg ? 'border-2 border-error-1' : 'border-solid-gray-420')} data-testid={`question-${q.id}`}>
      <label htmlFor={base} className="text-std-17B-170 text-solid-gray-900">
        {questionNumber(q, lang) ? <span className="mr-2 text-blue-1000">{questionNumber(q, lang)}</span> : null}
        {q.prompt[lang]}
        <span className={cx('ml-2 text-dns-14N-130', q.required ? 'text-error-2' : 'text-solid-gray-700')}>{q.required ? t('common.required') : t('common.optional')}</span>
      </label>
      {note}
      {hint ? (
        <p id={`${base}-hint`} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      ) : null}
      <ErrorLine id={`${base}-error`} message={msg} />
      <div className="flex items-center gap-2">
        <input
          id={base}
          type="text"
          inputMode={q.integer ? 'numeric' : 'decimal'}
          value={text}
          readOnly={readOnly}
          aria-invalid={msg ? true : undefined}
          aria-describedby={[hint ? `${base}-hint` : null, msg ? `${base}-error` : null].filter(Boolean).join(' ') || undefined}
          className={cx(controlClass(!!msg), 'max-w-48')}
          onChange={(e) => {
            const raw = e.target.value;
            setText(raw);
            const normalised = raw.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
            if (normalised === '') {
              setBad(false);
              onChange(null);
              return;
            }
            const n = Number(normalised);
            setBad(!Number.isFinite(n));
            if (Number.isFinite(n)) onChange(n);
          }}
        />
        {unit ? <span className="text-std-16N-170">{unit}</span> : null}
      </div>
    </div>
  );
}
