import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, buttonClass } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorId, hintId } from '../../ui/field.tsx';
import { cx } from '../../ui/cx.ts';
import { formatNumber } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { useSession } from '../accounts/session.tsx';
import { importContracts, importRowErrors, type ImportResult, type ImportRowError } from './criteria-data.api.ts';

const FILE_ID = 'contracts-import-file';
const MAX_BYTES = 20 * 1024 * 1024;
export const TEMPLATE_HREF = '/templates/contracts-template.csv';

type Result =
  | { kind: 'imported'; file: string; result: ImportResult }
  | { kind: 'rejected'; file: string; rows: ImportRowError[]; total: number; error: ApiError }
  | { kind: 'failed'; error: ApiError };

const columns = ['organisation', 'corporateNumber', 'fiscalYear', 'amountYen', 'source'] as const;

/**
 * The contracts bulk import: a CSV or xlsx file sent as the request body. All or nothing: either every
 * row is recorded, or none is and every bad row is listed (row, column, reason) in the reader's language.
 */
export function ContractImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const columnLabel = (c: string) => ((columns as readonly string[]).includes(c) ? t(`criteriaData.import.columns.${c}.name`) : c);

  function showResult(r: Result) {
    setResult(r);
    setTimeout(() => resultRef.current?.focus(), 0);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problem = !file
      ? t('criteriaData.import.chooseFile')
      : !/\.(csv|xlsx|txt)$/i.test(file.name)
        ? t('criteriaData.import.wrongType')
        : file.size > MAX_BYTES
          ? t('criteriaData.import.tooLarge')
          : null;
    if (problem) {
      setFileError(problem);
      setResult(null);
      setAttempt((a) => a + 1);
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const imported = await importContracts(file!);
      showResult({ kind: 'imported', file: file!.name, result: imported });
      setFile(null);
      if (input.current) input.current.value = '';
      onImported();
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      if (apiErr.code === 'import_rejected') {
        const { rows, total } = importRowErrors(apiErr.details, apiErr.fields);
        showResult({ kind: 'rejected', file: file!.name, rows, total, error: apiErr });
      } else if (apiErr.fields.some((f) => f.path === 'file')) {
        setResult(null);
        setFileError(apiErr.fields.find((f) => f.path === 'file')!.message[lang]);
        setAttempt((a) => a + 1);
      } else {
        showResult({ kind: 'failed', error: apiErr });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="contracts-import-heading" data-testid="contracts-import">
      <h2 id="contracts-import-heading" className="mb-4 text-std-24B-150 text-solid-gray-900">
        {t('criteriaData.import.heading')}
      </h2>
      <div className="flex max-w-4xl flex-col gap-3 text-std-16N-170 text-solid-gray-800">
        <p>{t('criteriaData.import.lead')}</p>
        <p className="font-bold">{t('criteriaData.import.allOrNothing')}</p>
        {account?.role === 'ministry_hr' ? <p>{t('criteriaData.import.ownOnly')}</p> : null}
      </div>

      <Table caption={t('criteriaData.import.columnsCaption')} className="mt-5 max-w-5xl" testId="import-columns">
        <thead>
          <tr>
            <Th>{t('criteriaData.import.colHeader')}</Th>
            <Th>{t('criteriaData.import.colContent')}</Th>
            <Th>{t('criteriaData.import.colRequired')}</Th>
            <Th>{t('criteriaData.import.colExample')}</Th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <Tr key={c}>
              <Th scope="row" className="whitespace-nowrap">
                {t(`criteriaData.import.columns.${c}.name`)}
                <span className="block font-mono text-dns-14N-130 font-normal text-solid-gray-700">{t(`criteriaData.import.columns.${c}.alias`)}</span>
              </Th>
              <Td className="min-w-64">{t(`criteriaData.import.columns.${c}.content`)}</Td>
              <Td className="whitespace-nowrap">{c === 'source' ? t('common.optional') : t('criteriaData.import.requiredText')}</Td>
              <Td className="font-mono whitespace-nowrap">{t(`criteriaData.import.columns.${c}.example`)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-3 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('criteriaData.import.encoding')}</p>
      <p className="mt-3">
        <a href={TEMPLATE_HREF} download="contracts-template.csv" className={cx(buttonClass('tertiary', 'md'), 'px-0')}>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current">
            <path d="M5 20h14v-2H5v2zm7-3l6-6-1.4-1.4-3.6 3.6V4h-2v9.2L7.4 9.6 6 11l6 6z" />
          </svg>
          {t('criteriaData.import.template')}
        </a>
      </p>

      <div className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
        <ErrorSummary items={fileError ? [{ fieldId: FILE_ID, message: t('errorSummary.item', { label: t('criteriaData.import.file'), message: fileError }) }] : []} focusKey={attempt} />
        <form noValidate onSubmit={onSubmit} aria-labelledby="contracts-import-form-heading" className="flex flex-col gap-4">
          <h3 id="contracts-import-form-heading" className="text-std-18B-160">
            {t('criteriaData.import.formHeading')}
          </h3>
          <div className="flex flex-col gap-2">
            <label htmlFor={FILE_ID} className="text-std-16B-170 text-solid-gray-800">
              {t('criteriaData.import.file')}
              <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
            </label>
            <p id={hintId(FILE_ID)} className="text-dns-14N-130 leading-150 text-solid-gray-700">
              {t('criteriaData.import.fileHint')}
            </p>
            <input
              ref={input}
              id={FILE_ID}
              name={FILE_ID}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="contracts-import-file"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[hintId(FILE_ID), fileError ? errorId(FILE_ID) : null].filter(Boolean).join(' ')}
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
              <p id={errorId(FILE_ID)} className="text-dns-16N-130 text-error-2">
                <span aria-hidden="true">＊</span>
                {fileError}
              </p>
            ) : null}
          </div>
          <div>
            <Button type="submit" disabled={busy} data-testid="contracts-import-submit">
              {busy ? t('criteriaData.import.submitting') : t('criteriaData.import.submit')}
            </Button>
          </div>
        </form>
      </div>

      <div ref={resultRef} tabIndex={-1} className="mt-6 focus:outline-none" data-testid="contracts-import-result">
        {result?.kind === 'imported' ? (
          <Alert tone="success" live="polite" title={t('criteriaData.import.doneTitle')}>
            {t('criteriaData.import.done', {
              file: result.file,
              rows: formatNumber(result.result.rows, lang),
              inserted: formatNumber(result.result.inserted, lang),
              updated: formatNumber(result.result.updated, lang),
            })}
          </Alert>
        ) : null}
        {result?.kind === 'failed' ? <ErrorAlert error={result.error} title={t('criteriaData.import.failed')} /> : null}
        {result?.kind === 'rejected' ? (
          <>
            <Alert tone="error" live="assertive" title={result.error.messages[lang]}>
              <p>{t('criteriaData.import.rejected', { file: result.file, count: result.total, formatted: formatNumber(result.total, lang) })}</p>
              {result.rows.length < result.total ? (
                <p>{t('criteriaData.import.rejectedShown', { shown: formatNumber(result.rows.length, lang) })}</p>
              ) : null}
            </Alert>
            <Table caption={t('criteriaData.import.errorsCaption', { file: result.file })} className="mt-4" testId="contracts-import-errors">
              <thead>
                <tr>
                  <Th>{t('criteriaData.import.colRow')}</Th>
                  <Th>{t('criteriaData.import.colColumn')}</Th>
                  <Th>{t('criteriaData.import.colReason')}</Th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r, i) => (
                  <Tr key={`${r.row}-${r.column}-${i}`}>
                    <Th scope="row" className="whitespace-nowrap">
                      {t('criteriaData.import.rowValue', { row: formatNumber(r.row, lang) })}
                    </Th>
                    <Td className="whitespace-nowrap">{columnLabel(r.column)}</Td>
                    <Td className="min-w-64">{r.message[lang]}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </>
        ) : null}
      </div>
    </section>
  );
}
