import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sheetFieldLabels } from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, buttonClass } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorId, hintId } from '../../ui/field.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { useSession } from '../accounts/session.tsx';
import { documentHref, generateAgreement, inputSheetHref, mayCase, sheetErrors, uploadInputSheet, type CaseDetail, type CaseDocument, type SheetRowError } from './exchanges.api.ts';
import type { CaseOutcome } from './case-outcome.tsx';
import { SheetForm } from './case-sheet-form.tsx';

const FILE_ID = 'input-sheet-file';
const MAX_BYTES = 5 * 1024 * 1024;
/** The states in which the ministry may still change the sheet and the draft (as the server's documents module). */
const sheetStates = ['consultation', 'query_to_ministry', 'under_review', 'informally_approved'];
const kinds: CaseDocument['kind'][] = ['input_sheet', 'agreement_draft', 'certification_notice', 'other'];

type UploadResult = { kind: 'saved'; file: string } | { kind: 'rejected'; file: string; rows: SheetRowError[]; error: ApiError } | { kind: 'failed'; error: ApiError };

/** 書類: every file with its versions (newest first), the input-support sheet's download and upload, and the draft agreement. */
export function CaseDocuments({ detail, onChanged }: { detail: CaseDetail; onChanged: (o: CaseOutcome | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const canEdit = mayCase.editPlan(account, detail);
  const editable = sheetStates.includes(detail.state);
  const [busy, setBusy] = useState(false);
  const docs = [...detail.documents].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.version - a.version);
  const latest = (kind: CaseDocument['kind']) => docs.find((d) => d.kind === kind);

  async function draft() {
    setBusy(true);
    try {
      await generateAgreement(detail.id);
      onChanged({ kind: 'ok', message: (tt) => tt('exchangeCases.documents.agreementMade') });
    } catch (err) {
      onChanged({ kind: 'error', error: isApiError(err) ? err : unexpectedError() });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-6" data-testid="case-documents">
      <ul className="flex flex-col gap-2 text-std-16N-170">
        <li data-testid="doc-status-sheet">
          <span className="font-bold">{t('exchangeCases.documents.kind.input_sheet')}：</span>
          {detail.hasSheet ? (
            <span>
              <span aria-hidden="true">✓ </span>
              {t('exchangeCases.documents.sheetFilled')}
            </span>
          ) : (
            <span>{t('exchangeCases.documents.sheetMissing')}</span>
          )}
        </li>
        <li data-testid="doc-status-agreement">
          <span className="font-bold">{t('exchangeCases.documents.kind.agreement_draft')}：</span>
          {latest('agreement_draft') ? (
            <span>
              <span aria-hidden="true">✓ </span>
              {t('exchangeCases.documents.versionOf', { version: latest('agreement_draft')!.version })}
            </span>
          ) : (
            <span>{t('exchangeCases.documents.agreementMissing')}</span>
          )}
        </li>
      </ul>

      {docs.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('exchangeCases.documents.none')}</p>
      ) : (
        <Table caption={t('exchangeCases.documents.caption', { count: docs.length })} testId="documents-table">
          <thead>
            <tr>
              <Th>{t('exchangeCases.documents.kindCol')}</Th>
              <Th>{t('exchangeCases.documents.version')}</Th>
              <Th>{t('exchangeCases.documents.file')}</Th>
              <Th>{t('exchangeCases.documents.created')}</Th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <Tr key={d.id}>
                <Th scope="row" className="font-normal">
                  {t(`exchangeCases.documents.kind.${d.kind}`)}
                </Th>
                <Td className="tabular-nums">
                  {t('exchangeCases.documents.versionOf', { version: d.version })}
                  {latest(d.kind)?.id === d.id ? <span className="ml-2 text-dns-14B-120">{t('exchangeCases.documents.latest')}</span> : null}
                </Td>
                <Td className="min-w-56 break-all">
                  <a href={documentHref(detail.id, d.id)} download={d.filename} data-testid={`doc-${d.kind}-${d.version}`}>
                    {d.filename}
                  </a>
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {t('exchangeCases.documents.size', { size: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), lang) })}
                  </span>
                </Td>
                <Td className="min-w-48">{formatDateTime(d.createdAt, lang)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}

      {canEdit ? (
        editable ? (
          <>
            <SheetUpload detail={detail} onSaved={() => onChanged(null)} />
            <OnScreenSheet detail={detail} onSaved={() => onChanged({ kind: 'ok', message: (tt) => tt('exchangeCases.documents.sheetFormSaved') })} />
            <div className="flex flex-col gap-2">
              <h3 className="text-std-18B-160">{t('exchangeCases.documents.agreementHeading')}</h3>
              <p className="max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.documents.agreementLead')}</p>
              {!detail.hasSheet ? (
                <p id="agreement-needs-sheet" className="text-std-16N-170 text-solid-gray-800">
                  {t('exchangeCases.documents.agreementNeedsSheet')}
                </p>
              ) : null}
              <div>
                <Button
                  variant="secondary"
                  onClick={() => void draft()}
                  disabled={busy || !detail.hasSheet}
                  aria-describedby={!detail.hasSheet ? 'agreement-needs-sheet' : undefined}
                  data-testid="generate-agreement"
                >
                  {busy ? t('exchangeCases.documents.agreementMaking') : t('exchangeCases.documents.agreementMake')}
                </Button>
              </div>
            </div>
          </>
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('exchangeCases.documents.locked')}</p>
        )
      ) : null}
    </div>
  );
}

/** The input-support sheet: download it pre-filled, fill it in, upload it back. A file with errors is refused whole; each error is listed. */
function SheetUpload({ detail, onSaved }: { detail: CaseDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const show = (r: UploadResult) => {
    setResult(r);
    setTimeout(() => resultRef.current?.focus(), 0);
  };
  const fieldLabel = (field: string) => sheetFieldLabels[field]?.[lang] ?? field;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !file ? t('exchangeCases.documents.chooseFile') : !/\.xlsx$/i.test(file.name) ? t('exchangeCases.documents.wrongType') : file.size > MAX_BYTES ? t('exchangeCases.documents.tooLarge') : null;
    if (problem) {
      setFileError(problem);
      setResult(null);
      setAttempt((a) => a + 1);
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      await uploadInputSheet(detail.id, file!);
      show({ kind: 'saved', file: file!.name });
      setFile(null);
      if (input.current) input.current.value = '';
      onSaved();
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      if (apiErr.code === 'document_rejected') show({ kind: 'rejected', file: file!.name, rows: sheetErrors(apiErr.details), error: apiErr });
      else show({ kind: 'failed', error: apiErr });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sheet-upload-heading" className="flex flex-col gap-3" data-testid="sheet-upload">
      <h3 id="sheet-upload-heading" className="text-std-18B-160">
        {t('exchangeCases.documents.sheetHeading')}
      </h3>
      <p className="max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.documents.sheetLead')}</p>
      <p>
        <a href={inputSheetHref(detail.id)} download className={cx(buttonClass('tertiary', 'md'), 'px-0')} data-testid="download-sheet">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current">
            <path d="M5 20h14v-2H5v2zm7-3l6-6-1.4-1.4-3.6 3.6V4h-2v9.2L7.4 9.6 6 11l6 6z" />
          </svg>
          {t('exchangeCases.documents.sheetDownload')}
        </a>
      </p>
      <div className="max-w-3xl rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
        <ErrorSummary items={fileError ? [{ fieldId: FILE_ID, message: t('errorSummary.item', { label: t('exchangeCases.documents.sheetFile'), message: fileError }) }] : []} focusKey={attempt} />
        <form noValidate onSubmit={submit} aria-labelledby="sheet-upload-form-heading" className="flex flex-col gap-4">
          <h4 id="sheet-upload-form-heading" className="text-std-17B-170">
            {t('exchangeCases.documents.sheetUploadHeading')}
          </h4>
          <div className="flex flex-col gap-2">
            <label htmlFor={FILE_ID} className="text-std-16B-170 text-solid-gray-800">
              {t('exchangeCases.documents.sheetFile')}
              <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
            </label>
            <p id={hintId(FILE_ID)} className="text-dns-14N-130 leading-150 text-solid-gray-700">
              {t('exchangeCases.documents.sheetFileHint')}
            </p>
            <input
              ref={input}
              id={FILE_ID}
              name={FILE_ID}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="sheet-file"
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
            <Button type="submit" disabled={busy} data-testid="sheet-upload-submit">
              {busy ? t('exchangeCases.documents.uploading') : t('exchangeCases.documents.upload')}
            </Button>
          </div>
        </form>
      </div>
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none" data-testid="sheet-upload-result">
        {result?.kind === 'saved' ? (
          <Alert tone="success" live="polite">
            {t('exchangeCases.documents.sheetSaved', { file: result.file })}
          </Alert>
        ) : null}
        {result?.kind === 'failed' ? <ErrorAlert error={result.error} title={t('exchangeCases.documents.uploadFailed')} /> : null}
        {result?.kind === 'rejected' ? (
          <>
            <Alert tone="error" live="assertive" title={result.error.messages[lang]}>
              <p>{t('exchangeCases.documents.sheetRejected', { file: result.file, count: result.rows.length, formatted: formatNumber(result.rows.length, lang) })}</p>
            </Alert>
            {result.rows.length > 0 ? (
              <Table caption={t('exchangeCases.documents.errorsCaption', { file: result.file })} className="mt-4" testId="sheet-errors">
                <thead>
                  <tr>
                    <Th>{t('exchangeCases.documents.errRow')}</Th>
                    <Th>{t('exchangeCases.documents.errField')}</Th>
                    <Th>{t('exchangeCases.documents.errReason')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r, i) => (
                    <Tr key={`${r.row}-${r.field}-${i}`}>
                      <Th scope="row" className="whitespace-nowrap">
                        {r.row > 0 ? t('exchangeCases.documents.rowValue', { row: formatNumber(r.row, lang) }) : '—'}
                      </Th>
                      <Td className="min-w-48">{fieldLabel(r.field)}</Td>
                      <Td className="min-w-64">{r.message[lang]}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/** The sheet filled on screen instead of in Excel (loaded when opened). */
function OnScreenSheet({ detail, onSaved }: { detail: CaseDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="rounded-8 border border-solid-gray-420 bg-white p-4" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="sheet-on-screen">
      <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">{t('exchangeCases.documents.sheetFormHeading')}</summary>
      <p className="my-3 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.documents.sheetFormLead')}</p>
      {open ? <SheetForm detail={detail} onSaved={onSaved} /> : null}
    </details>
  );
}
