import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError, type Messages } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { fieldIdOf } from '../../form-errors.ts';
import i18n, { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { evaluateDocument, type Decision } from './criteria.api.ts';
import { DecisionView } from './decision-view.tsx';
import { exampleText } from './example-request.ts';
import { lineColumn, locatePath, parseJson, type Span } from './json-text.ts';

/** A problem in the document: where it is (a server field path, or none for syntax) and what, in both languages. */
type DocumentError = { path: string | null; message: Messages; span: Span | null; line?: number };

const FIELD_ID = fieldIdOf('criteria.document');

const both = (key: string, opts?: Record<string, unknown>): Messages => ({ ja: i18n.getFixedT('ja')(key, opts), en: i18n.getFixedT('en')(key, opts) });

/** Puts the caret on the bad part of the document and scrolls it into view. */
function selectSpan(field: HTMLElement, span: Span | null) {
  if (!(field instanceof HTMLTextAreaElement) || !span) return;
  field.setSelectionRange(span.start, Math.max(span.start, Math.min(span.end, span.start + 200)));
  const line = field.value.slice(0, span.start).split('\n').length;
  const lineHeight = parseFloat(getComputedStyle(field).lineHeight) || 24;
  field.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

export function PasteCheckForm({ initialText = '' }: { initialText?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(initialText);
  const [errors, setErrors] = useState<DocumentError[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [exampleLoaded, setExampleLoaded] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (decision) resultHeading.current?.focus();
  }, [decision]);

  function fail(next: DocumentError[], err: ApiError | null) {
    setErrors(next);
    setFormError(err);
    setDecision(null);
    setAttempt((a) => a + 1);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setExampleLoaded(false);
    if (text.trim() === '') return fail([{ path: null, message: both('criteria.paste.empty'), span: null }], null);
    const parsed = parseJson(text);
    if (!parsed.ok) {
      return fail([{ path: null, message: both('criteria.paste.jsonSyntax', { line: parsed.line, column: parsed.column }), span: { start: parsed.offset, end: parsed.offset + 1 } }], null);
    }
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return fail([{ path: null, message: both('criteria.paste.notObject'), span: { start: 0, end: 1 } }], null);
    }
    setBusy(true);
    try {
      const result = await evaluateDocument(parsed.value);
      setErrors([]);
      setFormError(null);
      setDecision(result);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      fail(
        apiErr.fields.map((f) => {
          const span = locatePath(text, f.path);
          return { path: f.path, message: f.message, span, line: span ? lineColumn(text, span.start).line : undefined };
        }),
        apiErr,
      );
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = errors.map((er) => ({
    fieldId: FIELD_ID,
    message: er.path
      ? er.line
        ? t('criteria.paste.errorItemAt', { path: er.path, line: er.line, message: er.message[lang] })
        : t('criteria.paste.errorItem', { path: er.path, message: er.message[lang] })
      : er.message[lang],
    onActivate: (field) => selectSpan(field, er.span),
  }));
  const fieldError =
    errors.length === 1 && errors[0]!.path === null ? errors[0]!.message[lang] : errors.length > 0 ? t('criteria.paste.documentHasErrors', { count: errors.length }) : undefined;
  const summaryTitle = formError && items.length > 0 ? formError.messages[lang] : undefined;

  return (
    <>
      {formError && items.length === 0 ? <ErrorAlert error={formError} title={t('criteria.paste.failed')} /> : null}
      <ErrorSummary items={items} title={summaryTitle} focusKey={attempt} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="paste-form-heading" className="flex flex-col gap-5" data-testid="paste-form">
        <h2 id="paste-form-heading" className="text-std-24B-150 text-solid-gray-900">
          {t('criteria.paste.heading')}
        </h2>
        <p className="max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteria.paste.intro')}</p>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            data-testid="load-example"
            onClick={() => {
              setText(exampleText());
              setErrors([]);
              setFormError(null);
              setDecision(null);
              setExampleLoaded(true);
            }}
          >
            {t('criteria.paste.loadExample')}
          </Button>
          <p role="status" className="text-std-16N-170 text-solid-gray-800">
            {exampleLoaded ? t('criteria.paste.exampleLoaded') : ''}
          </p>
        </div>
        <TextArea
          id={FIELD_ID}
          label={t('criteria.paste.document')}
          hint={t('criteria.paste.documentHint')}
          required
          rows={22}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-testid="criteria-document"
          textAreaClassName="font-mono text-dns-14N-130 leading-150"
          value={text}
          error={fieldError}
          onChange={(e) => {
            setText(e.target.value);
            setExampleLoaded(false);
          }}
        />
        <div>
          <Button type="submit" size="lg" data-testid="criteria-submit" disabled={busy}>
            {busy ? t('criteria.check.submitting') : t('criteria.check.submit')}
          </Button>
        </div>
      </form>
      {decision ? <DecisionView decision={decision} headingRef={resultHeading} /> : null}
    </>
  );
}
