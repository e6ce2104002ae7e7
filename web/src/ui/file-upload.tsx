import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from './button.tsx';
import { cx } from './cx.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorId, hintId } from './field.tsx';
import { Table, Td, Th, Tr } from './table.tsx';

/** The download arrow shown before a download link's text. */
export function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current">
      <path d="M5 20h14v-2H5v2zm7-3l6-6-1.4-1.4-3.6 3.6V4h-2v9.2L7.4 9.6 6 11l6 6z" />
    </svg>
  );
}

/** A file to download (a template or a pre-filled sheet), as a tertiary button-looking link with the arrow. */
export function DownloadLink({ href, download = true, testId, children }: { href: string; download?: string | boolean; testId?: string; children: ReactNode }) {
  return (
    <a href={href} download={download} className={cx(buttonClass('tertiary', 'md'), 'px-0')} data-testid={testId}>
      <DownloadIcon />
      {children}
    </a>
  );
}

/** What sending a file came to: a result to show (`saved` clears the chosen file), or a message about the file itself. */
export type UploadOutcome<R> = { result: R; saved: boolean } | { fileError: string };

type FileUploadProps<R> = {
  /** The file input's id and name. */
  id: string;
  /** The form's heading: its id, text and level (h3 or h4 as the page's outline needs). */
  heading: { id: string; text: string; level: 'h3' | 'h4' };
  label: string;
  hint: string;
  /** The input's `accept`, and the file names and size checked before sending. */
  accept: string;
  pattern: RegExp;
  maxBytes: number;
  /** The messages for no file chosen, a name not matching `pattern`, and a file over `maxBytes`. */
  messages: { chooseFile: string; wrongType: string; tooLarge: string };
  submitLabel: string;
  submittingLabel: string;
  testIds: { input: string; submit: string; result: string };
  /** Classes of the grey box around the form and of the result region below it. */
  className?: string;
  resultClassName?: string;
  /** Sends the file; never throws (errors come back as a result to show, or as a message about the file). */
  send: (file: File) => Promise<UploadOutcome<R>>;
  /** Runs after a saved file's input has been cleared. */
  onSaved?: () => void;
  renderResult: (result: R) => ReactNode;
};

/**
 * A file upload form: one required file input with its hint, checked before sending (kind and size),
 * an error summary that takes focus on every failed attempt, and a result region below the form that
 * takes focus when the server has answered.
 */
export function FileUpload<R>(props: FileUploadProps<R>) {
  const { id, heading, label, hint, accept, pattern, maxBytes, messages, testIds, send, onSaved, renderResult } = props;
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const refuse = (message: string) => {
    setFileError(message);
    setResult(null);
    setAttempt((a) => a + 1);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !file ? messages.chooseFile : !pattern.test(file.name) ? messages.wrongType : file.size > maxBytes ? messages.tooLarge : null;
    if (problem) return refuse(problem);
    setFileError(null);
    setBusy(true);
    try {
      const outcome = await send(file!);
      if ('fileError' in outcome) return refuse(outcome.fileError);
      setResult(outcome.result);
      setTimeout(() => resultRef.current?.focus(), 0);
      if (outcome.saved) {
        setFile(null);
        if (input.current) input.current.value = '';
        onSaved?.();
      }
    } finally {
      setBusy(false);
    }
  }

  const Heading = heading.level;
  return (
    <>
      <div className={cx('max-w-3xl rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5', props.className)}>
        <ErrorSummary items={fileError ? [{ fieldId: id, message: t('errorSummary.item', { label, message: fileError }) }] : []} focusKey={attempt} />
        <form noValidate onSubmit={submit} aria-labelledby={heading.id} className="flex flex-col gap-4">
          <Heading id={heading.id} className={heading.level === 'h3' ? 'text-std-18B-160' : 'text-std-17B-170'}>
            {heading.text}
          </Heading>
          <div className="flex flex-col gap-2">
            <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
              {label}
              <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
            </label>
            <p id={hintId(id)} className="text-dns-14N-130 leading-150 text-solid-gray-700">
              {hint}
            </p>
            <input
              ref={input}
              id={id}
              name={id}
              type="file"
              accept={accept}
              data-testid={testIds.input}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[hintId(id), fileError ? errorId(id) : null].filter(Boolean).join(' ')}
              className={cx(
                'block w-full max-w-xl rounded-8 border bg-white p-2 text-std-16N-170 text-solid-gray-800',
                'file:mr-4 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-3 file:py-1 file:text-oln-16B-100 file:text-blue-900 hover:file:bg-blue-200',
                fileError ? 'border-2 border-error-1' : 'border-solid-gray-600',
              )}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
              }}
            />
            {fileError ? (
              <p id={errorId(id)} className="text-dns-16N-130 text-error-2">
                <span aria-hidden="true">＊</span>
                {fileError}
              </p>
            ) : null}
          </div>
          <div>
            <Button type="submit" disabled={busy} data-testid={testIds.submit}>
              {busy ? props.submittingLabel : props.submitLabel}
            </Button>
          </div>
        </form>
      </div>
      <div ref={resultRef} tabIndex={-1} className={cx('focus:outline-none', props.resultClassName)} data-testid={testIds.result}>
        {result === null ? null : renderResult(result)}
      </div>
    </>
  );
}

/** One refused row of an uploaded file, already worded: the row, the field or column, and the reason. */
export type UploadRowError = { row: string; field: string; reason: string };

/** The table of a refused file's errors, one line per row and field. */
export function UploadErrorsTable({
  caption,
  testId,
  headers,
  rows,
  fieldClassName,
}: {
  caption: string;
  testId: string;
  /** The column headings: row, field (or column), reason. */
  headers: [string, string, string];
  rows: UploadRowError[];
  fieldClassName?: string;
}) {
  return (
    <Table caption={caption} className="mt-4" testId={testId}>
      <thead>
        <tr>
          {headers.map((h) => (
            <Th key={h}>{h}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <Tr key={`${r.row}-${r.field}-${i}`}>
            <Th scope="row" className="whitespace-nowrap">
              {r.row}
            </Th>
            <Td className={fieldClassName}>{r.field}</Td>
            <Td className="min-w-64">{r.reason}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
