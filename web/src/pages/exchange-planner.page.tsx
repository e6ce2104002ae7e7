import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { copyMessage, fieldIdOf, summaryItems, validate, type FieldErrors } from '../form-errors.ts';
import { useLang } from '../i18n.ts';
import { GuidanceDuties, GuidanceTable } from '../modules/exchanges/guidance-table.tsx';
import { guidanceTypes, plannerQuerySchema, useGuidance, usePlan, type GuidanceType } from '../modules/exchanges/planner.api.ts';
import { ScheduleTimeline } from '../modules/exchanges/schedule-timeline.tsx';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/cx.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDate } from '../ui/format.ts';
import { Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { useUrlDraft } from '../ui/search-panel.tsx';
import { TextField } from '../ui/text-field.tsx';

type Draft = { start: string; today: string };

const isGuidanceType = (v: string | null): v is GuidanceType => guidanceTypes.includes(v as GuidanceType);

/**
 * The standalone schedule planner (逆算) for a ministry that has no case yet: a planned start date
 * in, the due date of every step out (URL: ?start=YYYY-MM-DD[&today=…]); and, below it, the welfare
 * table and duty constraints for the type of exchange (?type=…).
 */
export function ExchangePlannerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('exchangePlanner.title'));
  const [params, setParams] = useSearchParams();
  const start = params.get('start') ?? '';
  const today = params.get('today') ?? '';
  const type: GuidanceType = isGuidanceType(params.get('type')) ? (params.get('type') as GuidanceType) : 'dispatch';

  // A start in the URL is planned only when it is valid (a hand-edited URL shows the form's errors instead).
  const fromUrl = validate(plannerQuerySchema, { start, ...(today ? { today } : {}) });
  const plan = usePlan(start && fromUrl.ok ? start : null, today || undefined);
  const guidance = useGuidance(type);

  const [draft, setDraft] = useUrlDraft<Draft>({ start, today });
  const [errors, setErrors] = useState<FieldErrors>(() => (start && !fromUrl.ok ? fromUrl.errors : {}));
  const [attempt, setAttempt] = useState(0);
  const [focusResults, setFocusResults] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusResults || (!plan.data && !plan.error)) return;
    resultsHeading.current?.focus();
    setFocusResults(false);
  }, [focusResults, plan.data, plan.error]);

  const labels = { start: t('exchangePlanner.form.start'), today: t('exchangePlanner.form.today') };
  const summary = summaryItems(
    errors,
    lang,
    [
      { path: 'start', label: labels.start },
      { path: 'today', label: labels.today },
    ],
    (label, message) => t('errorSummary.item', { label, message }),
  );

  const submit = () => {
    const r = draft.start ? validate(plannerQuerySchema, { start: draft.start, ...(draft.today ? { today: draft.today } : {}) }) : null;
    if (!r || !r.ok) {
      setErrors(r && !r.ok ? r.errors : { start: copyMessage('required') });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({});
    const next = new URLSearchParams(params);
    next.set('start', draft.start);
    if (draft.today) next.set('today', draft.today);
    else next.delete('today');
    setFocusResults(true);
    setParams(next);
  };

  const chooseType = (next: GuidanceType) => {
    const p = new URLSearchParams(params);
    p.set('type', next);
    setParams(p, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <PageHeading title={t('exchangePlanner.title')} lead={t('exchangePlanner.lead')} />
      <ErrorSummary items={summary} focusKey={attempt} />
      <form
        noValidate
        aria-labelledby="planner-form-heading"
        className="mb-10 flex max-w-3xl flex-col gap-5 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="planner-form-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('exchangePlanner.form.heading')}
        </h2>
        <TextField
          id={fieldIdOf('start')}
          type="date"
          label={labels.start}
          hint={t('exchangePlanner.form.startHint')}
          required
          inputClassName="max-w-64"
          value={draft.start}
          error={errors.start?.[lang]}
          onChange={(e) => setDraft((d) => ({ ...d, start: e.target.value }))}
          data-testid="planner-start"
        />
        <TextField
          id={fieldIdOf('today')}
          type="date"
          label={labels.today}
          hint={t('exchangePlanner.form.todayHint')}
          required={false}
          inputClassName="max-w-64"
          value={draft.today}
          error={errors.today?.[lang]}
          onChange={(e) => setDraft((d) => ({ ...d, today: e.target.value }))}
          data-testid="planner-today"
        />
        <div>
          <Button type="submit" data-testid="planner-submit">
            {t('exchangePlanner.form.submit')}
          </Button>
        </div>
      </form>

      <section aria-labelledby="planner-results-heading" data-testid="planner-results">
        <h2
          id="planner-results-heading"
          ref={resultsHeading}
          tabIndex={-1}
          className="mt-10 mb-4 border-l-8 border-blue-900 pl-3 text-std-24B-150 text-solid-gray-900 focus:outline-none"
        >
          {start && fromUrl.ok ? t('exchangePlanner.results.headingFor', { date: formatDate(start, lang) }) : t('exchangePlanner.results.heading')}
        </h2>
        {!start || !fromUrl.ok ? <p className="text-std-16N-170 text-solid-gray-700">{t('exchangePlanner.results.empty')}</p> : null}
        {plan.loading ? <Loading /> : null}
        {plan.error ? <ErrorAlert error={plan.error} title={t('errors.loadFailed')} onRetry={plan.reload} /> : null}
        {plan.data ? (
          <>
            <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('exchangePlanner.results.note')}</p>
            <ScheduleTimeline plan={plan.data} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="planner-guidance-heading" data-testid="planner-guidance">
        <SectionHeading id="planner-guidance-heading" className="mt-14">
          {t('exchangePlanner.guidance.heading')}
        </SectionHeading>
        <fieldset className="mb-6">
          <legend className="mb-3 text-std-17B-170 text-solid-gray-900">{t('exchangePlanner.guidance.typeLegend')}</legend>
          <div className="flex flex-wrap gap-3">
            {guidanceTypes.map((g) => (
              <label
                key={g}
                className={cx(
                  'flex cursor-pointer items-center gap-3 rounded-8 border px-4 py-3 hover:bg-blue-50',
                  type === g ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-600 bg-white',
                )}
              >
                <input
                  type="radio"
                  name="guidance-type"
                  value={g}
                  className="size-5 shrink-0 accent-blue-900"
                  checked={type === g}
                  onChange={() => chooseType(g)}
                  data-testid={`guidance-type-${g}`}
                />
                <span className="text-std-16B-170">{t(`exchangePlanner.guidance.type.${g}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {guidance.loading ? <Loading /> : null}
        {guidance.error ? <ErrorAlert error={guidance.error} title={t('errors.loadFailed')} onRetry={guidance.reload} /> : null}
        {guidance.data ? (
          <div className="flex flex-col gap-8">
            <GuidanceTable guidance={guidance.data} />
            <div>
              <h3 className="mb-4 text-std-20B-150 text-solid-gray-900">{t('exchangePlanner.guidance.dutiesHeading')}</h3>
              <GuidanceDuties guidance={guidance.data} level={4} />
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
