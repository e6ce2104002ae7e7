// The respondent's form (回答フォーム): sections with headings, each visible question as its controls,
// questions appearing and disappearing as answers change (the server's own rules, survey-logic.ts),
// save draft, submit with an error summary built from the 400 response's per-question issues.
// Also renders a definition read-only: a closed or submitted survey, and the NPA's preview (every
// question, with its display condition in words).
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RespondentAttributes, SurveyAnswerSet, SurveyAnswerValue, SurveyDefinition, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { ApiError, type Messages } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang, type Lang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { SectionHeading } from '../../ui/primitives.tsx';
import { conditionText, inputIdFor, QuestionInput, questionNumber } from './question-input.tsx';
import { visibleQuestions } from './survey-logic.ts';

type Mode = 'answer' | 'readonly' | 'preview';

type Props = {
  definition: SurveyDefinition;
  attributes?: RespondentAttributes;
  initialAnswers?: SurveyAnswerSet;
  mode: Mode;
  onSaveDraft?: (answers: SurveyAnswerSet) => Promise<{ savedAt: string; pending?: unknown[] }>;
  onSubmit?: (answers: SurveyAnswerSet) => Promise<void>;
};

type Issue = { question: string; item?: string | undefined; message: Messages };

/** 'answers.q07.item' → { question, item } */
function issuesFrom(err: ApiError): Issue[] {
  return err.fields
    .filter((f) => f.path.startsWith('answers.'))
    .map((f) => {
      const [question, item] = f.path.slice('answers.'.length).split('.');
      return { question: question!, item, message: f.message };
    });
}

function questionLabel(q: SurveyQuestion, lang: Lang): string {
  const num = questionNumber(q, lang);
  return num ? `${num} ${q.title[lang]}` : q.title[lang];
}

export function SurveyForm({ definition, attributes = {}, initialAnswers = {}, mode, onSaveDraft, onSubmit }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [answers, setAnswers] = useState<SurveyAnswerSet>(initialAnswers);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [focusKey, setFocusKey] = useState(0);
  const [announce, setAnnounce] = useState('');
  const savedRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(
    () => new Set(mode === 'preview' ? definition.sections.flatMap((s) => s.questions.map((q) => q.id)) : visibleQuestions(definition, attributes, answers)),
    [definition, attributes, answers, mode],
  );
  const byId = useMemo(() => new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.id, q])), [definition]);

  const change = (q: SurveyQuestion, v: SurveyAnswerValue | null) => {
    const next = { ...answers };
    if (v === null) delete next[q.id];
    else next[q.id] = v;
    // Tell screen-reader users which questions appeared or went away with this answer.
    const after = new Set(visibleQuestions(definition, attributes, next));
    const shown = [...after].filter((id) => !visible.has(id)).map((id) => questionLabel(byId.get(id)!, lang));
    const hidden = [...visible].filter((id) => !after.has(id)).map((id) => questionLabel(byId.get(id)!, lang));
    const parts = [shown.length ? t('surveys.form.shown', { list: shown.join(lang === 'ja' ? '、' : ', ') }) : '', hidden.length ? t('surveys.form.hidden', { list: hidden.join(lang === 'ja' ? '、' : ', ') }) : ''];
    setAnnounce(parts.filter(Boolean).join(' '));
    setAnswers(next);
    setSavedAt(null);
    if (issues.some((i) => i.question === q.id)) setIssues(issues.filter((i) => i.question !== q.id));
  };

  const run = async (kind: 'draft' | 'submit') => {
    setBusy(kind);
    setFormError(null);
    try {
      if (kind === 'draft' && onSaveDraft) {
        const r = await onSaveDraft(answers);
        setSavedAt(r.savedAt);
        setPending(new Set((r.pending ?? []).map((p) => (p as { question?: string }).question)).size);
        setIssues([]);
        requestAnimationFrame(() => savedRef.current?.focus());
      } else if (kind === 'submit' && onSubmit) {
        await onSubmit(answers);
        setIssues([]);
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      if (err && err.code === 'validation_failed' && err.fields.length) {
        setIssues(issuesFrom(err));
        setFocusKey((k) => k + 1);
      } else {
        setIssues([]);
        setFormError(err ?? new ApiError(0, 'unexpected', { ja: t('errors.unexpected'), en: t('errors.unexpected') }));
      }
    } finally {
      setBusy(null);
    }
  };

  // Summary in form order: one line per question (matrix item issues name the item).
  const order = definition.sections.flatMap((s) => s.questions.map((q) => q.id));
  const summary: SummaryItem[] = [...issues]
    .sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question))
    .map((i) => {
      const q = byId.get(i.question);
      const item = q?.type === 'matrix' && i.item ? q.items.find((x) => x.id === i.item) : undefined;
      const label = q ? questionLabel(q, lang) + (item ? `（${item.label[lang]}）` : '') : i.question;
      return { fieldId: q ? inputIdFor(i.question, q.type === 'matrix' ? (i.item ?? q.items[0]?.id) : undefined) : undefined, message: t('errorSummary.item', { label, message: i.message[lang] }) };
    });

  const readOnly = mode !== 'answer';
  let shownCount = 0;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run('submit');
      }}
      className="max-w-5xl"
      data-testid="survey-form"
    >
      {summary.length ? <ErrorSummary items={summary} focusKey={focusKey} /> : null}
      {formError ? <ErrorAlert error={formError} title={t('surveys.form.failed')} /> : null}
      <p className="sr-only" aria-live="polite" data-testid="survey-visibility-announce">
        {announce}
      </p>
      {definition.sections.map((s) => {
        const qs = s.questions.filter((q) => visible.has(q.id));
        shownCount += qs.length;
        return (
          <section key={s.id} aria-labelledby={`section-${s.id}`} data-testid={`section-${s.id}`}>
            <SectionHeading id={`section-${s.id}`}>{s.title[lang]}</SectionHeading>
            {s.description ? <p className="mb-4 text-std-16N-175 text-solid-gray-800">{s.description[lang]}</p> : null}
            {qs.length === 0 ? <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('surveys.form.sectionSkipped')}</p> : null}
            <div className="flex flex-col gap-6">
              {qs.map((q) => {
                const qIssues = issues.filter((i) => i.question === q.id);
                const main = qIssues.find((i) => !i.item || q.type !== 'matrix');
                const itemErrors = Object.fromEntries(qIssues.filter((i) => i.item && q.type === 'matrix').map((i) => [i.item!, i.message[lang]]));
                return (
                  <QuestionInput
                    key={q.id}
                    question={q}
                    value={answers[q.id]}
                    onChange={(v) => change(q, v)}
                    readOnly={readOnly}
                    error={main?.message[lang] ?? (Object.keys(itemErrors).length && q.type === 'matrix' ? qIssues[0]!.message[lang] : undefined)}
                    itemErrors={itemErrors}
                    note={mode === 'preview' && q.condition ? t('surveys.form.conditionNote', { condition: conditionText(definition, q.condition, lang) }) : undefined}
                  />
                );
              })}
            </div>
          </section>
        );
      })}
      {mode === 'answer' ? (
        <div className="mt-10 flex flex-col gap-4 border-t border-solid-gray-420 pt-6">
          {savedAt ? (
            <Alert ref={savedRef} tone="success" live="polite" testId="survey-draft-saved">
              {t('surveys.form.draftSaved', { at: formatDateTime(savedAt, lang) })}
              {pending ? ` ${t('surveys.form.pending', { count: pending })}` : ''}
            </Alert>
          ) : null}
          <p className="text-std-16N-170 text-solid-gray-800">{t('surveys.form.submitNote', { count: shownCount })}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => void run('draft')} data-testid="survey-save-draft">
              {busy === 'draft' ? t('surveys.form.saving') : t('surveys.form.saveDraft')}
            </Button>
            <Button type="submit" disabled={busy !== null} data-testid="survey-submit">
              {busy === 'submit' ? t('surveys.form.submitting') : t('surveys.form.submit')}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
