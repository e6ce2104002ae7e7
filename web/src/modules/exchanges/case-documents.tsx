import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sheetFieldLabels } from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DownloadLink, FileUpload, UploadErrorsTable, type UploadOutcome } from '../../ui/file-upload.tsx';
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
  const fieldLabel = (field: string) => sheetFieldLabels[field]?.[lang] ?? field;

  async function send(file: File): Promise<UploadOutcome<UploadResult>> {
    try {
      await uploadInputSheet(detail.id, file);
      return { result: { kind: 'saved', file: file.name }, saved: true };
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      if (apiErr.code === 'document_rejected') return { result: { kind: 'rejected', file: file.name, rows: sheetErrors(apiErr.details), error: apiErr }, saved: false };
      return { result: { kind: 'failed', error: apiErr }, saved: false };
    }
  }

  return (
    <section aria-labelledby="sheet-upload-heading" className="flex flex-col gap-3" data-testid="sheet-upload">
      <h3 id="sheet-upload-heading" className="text-std-18B-160">
        {t('exchangeCases.documents.sheetHeading')}
      </h3>
      <p className="max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangeCases.documents.sheetLead')}</p>
      <p>
        <DownloadLink href={inputSheetHref(detail.id)} testId="download-sheet">
          {t('exchangeCases.documents.sheetDownload')}
        </DownloadLink>
      </p>
      <FileUpload<UploadResult>
        id={FILE_ID}
        heading={{ id: 'sheet-upload-form-heading', text: t('exchangeCases.documents.sheetUploadHeading'), level: 'h4' }}
        label={t('exchangeCases.documents.sheetFile')}
        hint={t('exchangeCases.documents.sheetFileHint')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        pattern={/\.xlsx$/i}
        maxBytes={MAX_BYTES}
        messages={{ chooseFile: t('exchangeCases.documents.chooseFile'), wrongType: t('exchangeCases.documents.wrongType'), tooLarge: t('exchangeCases.documents.tooLarge') }}
        submitLabel={t('exchangeCases.documents.upload')}
        submittingLabel={t('exchangeCases.documents.uploading')}
        testIds={{ input: 'sheet-file', submit: 'sheet-upload-submit', result: 'sheet-upload-result' }}
        send={send}
        onSaved={onSaved}
        renderResult={(result) => (
          <>
            {result.kind === 'saved' ? (
              <Alert tone="success" live="polite">
                {t('exchangeCases.documents.sheetSaved', { file: result.file })}
              </Alert>
            ) : null}
            {result.kind === 'failed' ? <ErrorAlert error={result.error} title={t('exchangeCases.documents.uploadFailed')} /> : null}
            {result.kind === 'rejected' ? (
              <>
                <Alert tone="error" live="assertive" title={result.error.messages[lang]}>
                  <p>{t('exchangeCases.documents.sheetRejected', { file: result.file, count: result.rows.length, formatted: formatNumber(result.rows.length, lang) })}</p>
                </Alert>
                {result.rows.length > 0 ? (
                  <UploadErrorsTable
                    caption={t('exchangeCases.documents.errorsCaption', { file: result.file })}
                    testId="sheet-errors"
                    headers={[t('exchangeCases.documents.errRow'), t('exchangeCases.documents.errField'), t('exchangeCases.documents.errReason')]}
                    rows={result.rows.map((r) => ({
                      row: r.row > 0 ? t('exchangeCases.documents.rowValue', { row: formatNumber(r.row, lang) }) : '—',
                      field: fieldLabel(r.field),
                      reason: r.message[lang],
                    }))}
                    fieldClassName="min-w-48"
                  />
                ) : null}
              </>
            ) : null}
          </>
        )}
      />
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
