import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { Alert } from '../../ui/alert.tsx';
import { BlockList } from './case-actions.tsx';
import type { Block, CaseEventName, CaseState } from './exchanges.api.ts';

/** What the latest change on the case page did. Messages are written when shown, so they follow a change of language. */
export type CaseOutcome =
  | { kind: 'done'; event: CaseEventName; state: CaseState }
  | { kind: 'blocked'; event: CaseEventName; blocks: Block[]; error: ApiError }
  | { kind: 'ok'; message: (t: (k: string, o?: Record<string, unknown>) => string) => string }
  | { kind: 'error'; error: ApiError };

/**
 * The outcome under the page's heading: a success as a status message, a refusal as an alert with
 * every reason. It takes focus when it changes, so keyboard and screen-reader users land on it.
 */
export function CaseOutcomeView({ outcome, nonce }: { outcome: CaseOutcome | null; nonce: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (nonce > 0) ref.current?.focus();
  }, [nonce]);
  return (
    <div ref={ref} tabIndex={-1} className="focus:outline-none" data-testid="case-outcome">
      {outcome?.kind === 'done' ? (
        <Alert tone="success" live="polite" className="mb-6">
          {t('exchangeCases.actions.done', { action: t(`exchangeCases.event.${outcome.event}`), state: t(`exchangeCases.state.${outcome.state}`) })}
        </Alert>
      ) : null}
      {outcome?.kind === 'ok' ? (
        <Alert tone="success" live="polite" className="mb-6">
          {outcome.message((k, o) => t(k, o))}
        </Alert>
      ) : null}
      {outcome?.kind === 'blocked' ? (
        <Alert tone="error" live="assertive" className="mb-6" title={t('exchangeCases.actions.refused', { action: t(`exchangeCases.event.${outcome.event}`) })} testId="case-blocked">
          <p>{t('exchangeCases.actions.refusedLead')}</p>
          <BlockList blocks={outcome.blocks} title={t('exchangeCases.actions.blockedTitle')} />
          {outcome.error.requestId ? <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('common.requestId', { id: outcome.error.requestId })}</p> : null}
        </Alert>
      ) : null}
      {outcome?.kind === 'error' ? <ErrorAlert error={outcome.error} /> : null}
    </div>
  );
}
