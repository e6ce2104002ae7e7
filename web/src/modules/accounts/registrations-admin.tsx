import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Badge, Loading } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { makeLookup, useReference } from '../reference/use-reference.ts';

export type PendingRegistration = {
  accountId: number;
  email: string;
  displayName: string;
  createdAt: string;
  company: { id: number; corporateNumber: string; name: string; legalTypeCode: string; status: string };
};

type Outcome = { kind: 'approved' | 'rejected'; company: string; name: string } | { kind: 'error'; error: ApiError };

export function RegistrationsAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApiQuery<{ items: PendingRegistration[] }>('/api/registrations');
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  async function decide(r: PendingRegistration, action: 'approve' | 'reject') {
    setBusy(r.accountId);
    try {
      await api.post<void>(`/api/registrations/${r.accountId}/${action}`);
      setOutcome({ kind: action === 'approve' ? 'approved' : 'rejected', company: r.company.name, name: r.displayName });
      reload();
    } catch (err) {
      setOutcome({ kind: 'error', error: isApiError(err) ? err : unexpectedError() });
    } finally {
      setBusy(null);
      setConfirming(null);
      // The row's buttons are gone (or the list changed): move focus to the outcome.
      setTimeout(() => outcomeRef.current?.focus(), 0);
    }
  }

  return (
    <>
      <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none">
        {outcome?.kind === 'error' ? <ErrorAlert error={outcome.error} /> : null}
        {outcome && outcome.kind !== 'error' ? (
          <Alert tone="success" live="polite" className="mb-6" testId="registration-outcome">
            {t(`registrations.${outcome.kind}`, { company: outcome.company, name: outcome.name })}
          </Alert>
        ) : null}
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p className="rounded-8 bg-solid-gray-50 p-5 text-std-16N-170">{t('registrations.empty')}</p>
        ) : (
          <Table caption={t('registrations.caption', { count: data.items.length })} testId="registrations-table">
            <thead>
              <tr>
                <Th>{t('registrations.colCompany')}</Th>
                <Th>{t('registrations.colCorporateNumber')}</Th>
                <Th>{t('registrations.colLegalType')}</Th>
                <Th>{t('registrations.colApplicant')}</Th>
                <Th>{t('registrations.colReceived')}</Th>
                <Th>{t('registrations.colActions')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => {
                const labelOpts = { name: r.company.name, email: r.email };
                return (
                  <Tr key={r.accountId}>
                    <Th scope="row" className="whitespace-normal">
                      <span className="block">{r.company.name}</span>
                      {/* A pending company was created by this registration; any other is already in the directory (a claim). */}
                      <Badge tone={r.company.status === 'pending' ? 'blue' : 'orange'}>
                        {t(r.company.status === 'pending' ? 'registrations.newCompany' : 'registrations.claim')}
                      </Badge>
                    </Th>
                    <Td className="font-mono whitespace-nowrap">{r.company.corporateNumber}</Td>
                    <Td>{lookup.legalType(r.company.legalTypeCode)}</Td>
                    <Td>
                      <span className="block">{r.displayName}</span>
                      <span className="block text-dns-14N-130 text-solid-gray-700">{r.email}</span>
                    </Td>
                    <Td className="whitespace-nowrap">
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, lang)}</time>
                    </Td>
                    <Td>
                      {confirming === r.accountId ? (
                        <div role="group" aria-label={t('registrations.rejectLabel', labelOpts)} className="flex flex-wrap items-center gap-2">
                          <span className="text-dns-16B-130 text-error-2">{t('registrations.confirmReject')}</span>
                          <Button size="sm" variant="danger" disabled={busy !== null} onClick={() => void decide(r, 'reject')} autoFocus>
                            {t('registrations.confirmRejectYes')}
                          </Button>
                          <Button size="sm" variant="tertiary" onClick={() => setConfirming(null)}>
                            {t('common.cancel')}
                          </Button>
                        </div>
                      ) : (
                        <div className="flex flex-wrap gap-2">
                          <Button size="sm" disabled={busy !== null} aria-label={t('registrations.approveLabel', labelOpts)} onClick={() => void decide(r, 'approve')}>
                            {t('registrations.approve')}
                          </Button>
                          <Button size="sm" variant="danger" disabled={busy !== null} aria-label={t('registrations.rejectLabel', labelOpts)} onClick={() => setConfirming(r.accountId)}>
                            {t('registrations.reject')}
                          </Button>
                        </div>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )
      ) : null}
    </>
  );
}
