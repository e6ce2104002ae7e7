import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { DownloadLink, FileUpload, UploadErrorsTable, type UploadOutcome } from '../../ui/file-upload.tsx';
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

  const columnLabel = (c: string) => ((columns as readonly string[]).includes(c) ? t(`criteriaData.import.columns.${c}.name`) : c);

  async function send(file: File): Promise<UploadOutcome<Result>> {
    try {
      const imported = await importContracts(file);
      return { result: { kind: 'imported', file: file.name, result: imported }, saved: true };
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      if (apiErr.code === 'import_rejected') {
        const { rows, total } = importRowErrors(apiErr.details, apiErr.fields);
        return { result: { kind: 'rejected', file: file.name, rows, total, error: apiErr }, saved: false };
      }
      const fileField = apiErr.fields.find((f) => f.path === 'file');
      if (fileField) return { fileError: fileField.message[lang] };
      return { result: { kind: 'failed', error: apiErr }, saved: false };
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
        <DownloadLink href={TEMPLATE_HREF} download="contracts-template.csv">
          {t('criteriaData.import.template')}
        </DownloadLink>
      </p>

      <FileUpload<Result>
        id={FILE_ID}
        heading={{ id: 'contracts-import-form-heading', text: t('criteriaData.import.formHeading'), level: 'h3' }}
        label={t('criteriaData.import.file')}
        hint={t('criteriaData.import.fileHint')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        pattern={/\.(csv|xlsx|txt)$/i}
        maxBytes={MAX_BYTES}
        messages={{ chooseFile: t('criteriaData.import.chooseFile'), wrongType: t('criteriaData.import.wrongType'), tooLarge: t('criteriaData.import.tooLarge') }}
        submitLabel={t('criteriaData.import.submit')}
        submittingLabel={t('criteriaData.import.submitting')}
        testIds={{ input: 'contracts-import-file', submit: 'contracts-import-submit', result: 'contracts-import-result' }}
        className="mt-6"
        resultClassName="mt-6"
        send={send}
        onSaved={onImported}
        renderResult={(result) => (
          <>
            {result.kind === 'imported' ? (
              <Alert tone="success" live="polite" title={t('criteriaData.import.doneTitle')}>
                {t('criteriaData.import.done', {
                  file: result.file,
                  rows: formatNumber(result.result.rows, lang),
                  inserted: formatNumber(result.result.inserted, lang),
                  updated: formatNumber(result.result.updated, lang),
                })}
              </Alert>
            ) : null}
            {result.kind === 'failed' ? <ErrorAlert error={result.error} title={t('criteriaData.import.failed')} /> : null}
            {result.kind === 'rejected' ? (
              <>
                <Alert tone="error" live="assertive" title={result.error.messages[lang]}>
                  <p>{t('criteriaData.import.rejected', { file: result.file, count: result.total, formatted: formatNumber(result.total, lang) })}</p>
                  {result.rows.length < result.total ? (
                    <p>{t('criteriaData.import.rejectedShown', { shown: formatNumber(result.rows.length, lang) })}</p>
                  ) : null}
                </Alert>
                <UploadErrorsTable
                  caption={t('criteriaData.import.errorsCaption', { file: result.file })}
                  testId="contracts-import-errors"
                  headers={[t('criteriaData.import.colRow'), t('criteriaData.import.colColumn'), t('criteriaData.import.colReason')]}
                  rows={result.rows.map((r) => ({
                    row: t('criteriaData.import.rowValue', { row: formatNumber(r.row, lang) }),
                    field: columnLabel(r.column),
                    reason: r.message[lang],
                  }))}
                  fieldClassName="whitespace-nowrap"
                />
              </>
            ) : null}
          </>
        )}
      />
    </section>
  );
}
