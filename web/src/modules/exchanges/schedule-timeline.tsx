import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { cx } from '../../ui/cx.ts';
import { formatDate } from '../../ui/format.ts';
import { Badge } from '../../ui/primitives.tsx';
import { CitationView } from '../criteria/criteria-labels.tsx';
import type { PlanResponse, PlanStep } from './planner.api.ts';

type Props = {
  plan: PlanResponse;
  /** The heading level of each step's title (the page's section heading is one above). */
  level?: 3 | 4;
  testId?: string;
};

/**
 * The planner's steps as an ordered list, earliest first. A step's state is said in words
 * (期限超過 / 本日が期限 / あと N 開庁日) with an icon, never by colour alone. Shared by the standalone
 * planner and the case page.
 */
export function ScheduleTimeline({ plan, level = 3, testId = 'schedule-timeline' }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const overdue = plan.steps.filter((s) => s.status === 'overdue' && s.id !== 'start').length;
  const summaryId = useId();
  return (
    <div className="flex flex-col gap-4">
      {plan.warnings.map((w) => (
        <Alert key={w.code} tone="warning" testId={`planner-warning-${w.code}`}>
          {w.message[lang]}
        </Alert>
      ))}
      {plan.today ? (
        <p id={summaryId} className="text-std-16N-170 text-solid-gray-800" data-testid="timeline-summary">
          {t('exchangePlanner.timeline.asOf', { date: formatDate(plan.today, lang) })}
          {overdue > 0 ? t('exchangePlanner.timeline.overdueCount', { count: overdue }) : t('exchangePlanner.timeline.noneOverdue')}
        </p>
      ) : null}
      <ol className="relative flex flex-col border-l-4 border-solid-gray-420 pl-6" aria-describedby={plan.today ? summaryId : undefined} data-testid={testId}>
        {plan.steps.map((s, i) => (
          <StepItem key={s.id} step={s} index={i + 1} level={level} />
        ))}
      </ol>
    </div>
  );
}

function StepItem({ step: s, index, level }: { step: PlanStep; index: number; level: 3 | 4 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const H = `h${level}` as 'h3' | 'h4';
  const late = s.status === 'overdue';
  const today = s.status === 'due_today';
  return (
    <li className="relative pb-8 last:pb-0" data-testid={`step-${s.id}`} data-status={s.status ?? 'none'}>
      <span
        aria-hidden="true"
        className={cx(
          'absolute top-1 -left-[2.35rem] flex size-7 items-center justify-center rounded-full border-2 text-dns-14B-120',
          late ? 'border-error-1 bg-white text-error-2' : today ? 'border-warning-orange-2 bg-white text-solid-gray-900' : 'border-blue-900 bg-white text-blue-900',
        )}
      >
        {late ? '!' : index}
      </span>
      <div className={cx('rounded-8 border p-4', late ? 'border-2 border-error-1 bg-white' : 'border-solid-gray-420 bg-white')}>
        <H className="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-18B-160 text-solid-gray-900">
          <span>{s.label[lang]}</span>
          {s.status ? <StatusBadge step={s} /> : null}
        </H>
        <p className="mt-1 text-std-17B-170 text-solid-gray-900">
          <span className="font-normal text-solid-gray-700">{s.id === 'start' ? t('exchangePlanner.timeline.startDate') : t('exchangePlanner.timeline.due')}</span>
          <time dateTime={s.due}>{formatDate(s.due, lang)}</time>
        </p>
        {s.limit && s.limit !== s.due ? (
          <p className="text-std-16N-170 text-solid-gray-800" data-testid={`step-${s.id}-limit`}>
            <span className="text-solid-gray-700">{t('exchangePlanner.timeline.limit')}</span>
            <time dateTime={s.limit}>{formatDate(s.limit, lang)}</time>
          </p>
        ) : null}
        {s.adjustment ? <p className="mt-1 text-dns-14N-130 leading-170 text-solid-gray-700">{s.adjustment[lang]}</p> : null}
        <p className="mt-2 max-w-4xl text-std-16N-170 text-solid-gray-800">{s.explanation[lang]}</p>
        {s.parameters.length > 0 ? (
          <details className="mt-2">
            <summary className="cursor-pointer text-std-16N-170 text-blue-1000 underline">{t('exchangePlanner.timeline.sources')}</summary>
            <ul className="mt-2 flex flex-col gap-3">
              {s.parameters.map((p) => (
                <li key={p.id}>
                  <CitationView citation={p.citation} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </li>
  );
}

function StatusBadge({ step: s }: { step: PlanStep }) {
  const { t } = useTranslation();
  if (s.status === 'overdue') {
    return (
      <span className="inline-flex items-center gap-1 rounded-4 border-2 border-error-1 bg-white px-1.5 py-0.5 text-dns-14B-120 text-error-2" data-testid="step-overdue">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
          <path d="M12 2a10 10 0 100 20 10 10 0 000-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z" />
        </svg>
        {s.id === 'start' ? t('exchangePlanner.status.started') : t('exchangePlanner.status.overdue', { count: -(s.workingDaysLeft ?? 0) })}
      </span>
    );
  }
  if (s.status === 'due_today') return <Badge tone="orange">{t('exchangePlanner.status.dueToday')}</Badge>;
  return <Badge tone="gray">{t('exchangePlanner.status.upcoming', { count: s.workingDaysLeft ?? 0 })}</Badge>;
}
