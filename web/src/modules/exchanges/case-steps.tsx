import { useTranslation } from 'react-i18next';
import { cx } from '../../ui/cx.ts';
import { lifecycle, type CaseDetail, type CaseState } from './exchanges.api.ts';

/** Where a side state sits on the main path. */
const positionOf: Partial<Record<CaseState, CaseState>> = { query_to_ministry: 'under_review', extended: 'active' };

/**
 * The lifecycle as an ordered list of steps: each says in words whether it is done, current or to
 * come (icon and colour repeat it). A case that left the path (withdrawn, rejected, ended early) says
 * so under the list.
 */
export function CaseSteps({ detail }: { detail: Pick<CaseDetail, 'state' | 'events'> }) {
  const { t } = useTranslation();
  const offPath = detail.state === 'withdrawn' || detail.state === 'rejected' || detail.state === 'ended_early';
  // Off the path: the last state on it before leaving.
  const reached = offPath ? (detail.events.at(-1)?.fromState ?? 'consultation') : detail.state;
  const current = lifecycle.indexOf(positionOf[reached] ?? reached);
  return (
    <section aria-labelledby="case-steps-heading" className="mb-8" data-testid="case-steps">
      <h2 id="case-steps-heading" className="sr-only">
        {t('exchangeCases.steps.heading')}
      </h2>
      <ol className="flex flex-wrap gap-2">
        {lifecycle.map((s, i) => {
          const status = offPath ? (i <= current ? 'done' : 'skipped') : i < current || (i === current && s === 'returned') ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={s}
              aria-current={status === 'current' ? 'step' : undefined}
              data-status={status}
              className={cx(
                'flex items-center gap-2 rounded-6 border px-3 py-2 text-dns-14N-130',
                status === 'done' && 'border-green-900 bg-green-50 text-green-1000',
                status === 'current' && 'border-2 border-blue-900 bg-blue-50 font-bold text-blue-1000',
                (status === 'todo' || status === 'skipped') && 'border-solid-gray-420 bg-white text-solid-gray-700',
              )}
            >
              <span aria-hidden="true" className="tabular-nums">
                {status === 'done' ? '✓' : `${i + 1}`}
              </span>
              <span>
                {t(`exchangeCases.steps.${s}`)}
                <span className="sr-only">{t(`exchangeCases.steps.status.${status}`)}</span>
                {status === 'current' && (detail.state === 'query_to_ministry' || detail.state === 'extended') ? (
                  <span className="ml-1">（{t(`exchangeCases.state.${detail.state}`)}）</span>
                ) : null}
              </span>
              {status === 'current' ? <span className="rounded-4 bg-blue-900 px-1.5 text-dns-14B-120 text-white" aria-hidden="true">{t('exchangeCases.steps.now')}</span> : null}
            </li>
          );
        })}
      </ol>
      {offPath ? (
        <p className="mt-3 text-std-16B-170 text-solid-gray-900" data-testid="case-steps-ended">
          {t('exchangeCases.steps.leftPath', { state: t(`exchangeCases.state.${detail.state}`) })}
        </p>
      ) : null}
    </section>
  );
}
