import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { cx } from '../../ui/cx.ts';
import { formatNumber } from '../../ui/format.ts';
import { Table, Td, Th } from '../../ui/table.tsx';
import { makeLookup, useReference } from '../reference/use-reference.ts';
import { rulesForReading, useParameters, type Decision, type Outcome, type Parameter, type RuleResult } from './criteria.api.ts';
import {
  CitationView,
  CriteriaDate,
  formatParameterValue,
  LookIcon,
  lookBox,
  mergeCitations,
  OutcomeBadge,
  overallLook,
} from './criteria-labels.tsx';

const edge: Record<Outcome, string> = {
  fail: 'border-l-error-2',
  indeterminate: 'border-l-orange-1000',
  pass: 'border-l-green-900',
  not_applicable: 'border-l-solid-gray-420',
};

function useValueContext() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  return { lang, t: (k: string, o?: Record<string, unknown>) => t(k, o), exists: (k: string) => i18n.exists(k), legalType: (code: string) => lookup.legalType(code) };
}

/** The verdict, then one card per rule: fails first, then the undecided, then the rest. */
export function DecisionView({ decision, headingRef }: { decision: Decision; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const parameters = useParameters();
  const byId = new Map((parameters.data?.items ?? []).map((p) => [p.id, p]));
  const look = overallLook[decision.overall];
  const count = (o: Outcome) => decision.rules.filter((r) => r.outcome === o).length;

  return (
    <section aria-labelledby="criteria-result-heading" data-testid="criteria-result" className="mt-12">
      <h2
        id="criteria-result-heading"
        ref={headingRef}
        tabIndex={-1}
        className="mb-4 border-l-8 border-blue-900 pl-3 text-std-24B-150 text-solid-gray-900 focus:outline-none"
      >
        {t('criteria.result.heading')}
      </h2>
      <div data-testid="criteria-verdict" className={cx('rounded-8 border-2 p-5', lookBox(look))}>
        <p className="flex items-center gap-3 text-std-24B-150">
          <LookIcon look={look} className="size-8" />
          {t('criteria.result.verdict', { verdict: t(`criteria.overall.${decision.overall}`) })}
        </p>
        <p className="mt-2 text-std-16N-170 text-solid-gray-900">{decision.summary[lang]}</p>
        <p className="mt-2 text-dns-14N-130 leading-170 text-solid-gray-800">
          {t('criteria.result.counts', {
            fail: formatNumber(count('fail'), lang),
            indeterminate: formatNumber(count('indeterminate'), lang),
            pass: formatNumber(count('pass'), lang),
            na: formatNumber(count('not_applicable'), lang),
          })}
        </p>
      </div>
      <p className="mt-3 text-dns-14N-130 leading-170 text-solid-gray-700">
        {t('criteria.result.asOf')}
        <CriteriaDate value={decision.asOf} />
        {t('criteria.result.engine', { version: decision.engineVersion })}
      </p>
      <div className="mt-6 flex flex-col gap-6">
        {rulesForReading(decision.rules).map((r) => (
          <RuleCard key={r.ruleId} rule={r} params={byId} />
        ))}
      </div>
    </section>
  );
}

function SubHeading({ children }: { children: string }) {
  return <h4 className="mb-2 text-std-17B-170 text-solid-gray-900">{children}</h4>;
}

function RuleCard({ rule, params }: { rule: RuleResult; params: Map<string, Parameter> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ctx = useValueContext();
  const titleId = `rule-${rule.ruleId}-title`;
  const citations = mergeCitations([rule.citations, rule.parameters.map((p) => p.citation)]);
  const exception = rule.exception.approved
    ? t('criteria.result.exceptionApproved', { reference: rule.exception.reference ?? '—' })
    : rule.exception.available
      ? t('criteria.result.exceptionAvailable')
      : null;

  return (
    <article aria-labelledby={titleId} data-testid={`rule-${rule.ruleId}`} className={cx('rounded-8 border border-l-8 border-solid-gray-420 bg-white p-5', edge[rule.outcome])}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={titleId} className="text-std-20B-150 text-solid-gray-900">
          {rule.title[lang]}
        </h3>
        <OutcomeBadge outcome={rule.outcome} />
      </div>

      <div className="mt-4">
        <SubHeading>{t('criteria.result.reasons')}</SubHeading>
        <ul className="list-disc space-y-1 pl-6 text-std-16N-170">
          {rule.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{r.message[lang]}</li>
          ))}
        </ul>
      </div>

      {rule.outcome === 'fail' || exception || rule.windows.length > 0 ? (
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-std-16N-170 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
          {rule.outcome === 'fail' ? (
            <>
              <dt className="font-bold text-solid-gray-900">{t('criteria.result.earliestPass')}</dt>
              <dd data-testid="earliest-pass">{rule.earliestPassDate ? <CriteriaDate value={rule.earliestPassDate} /> : t('criteria.result.earliestPassNone')}</dd>
            </>
          ) : null}
          {exception ? (
            <>
              <dt className="font-bold text-solid-gray-900">{t('criteria.result.exception')}</dt>
              <dd className="flex items-center gap-2">
                <LookIcon look={rule.exception.approved ? 'good' : 'unknown'} />
                {exception}
              </dd>
            </>
          ) : null}
          {rule.windows.length > 0 ? (
            <>
              <dt className="font-bold text-solid-gray-900">{t('criteria.result.windows')}</dt>
              <dd>
                <ul className="space-y-1">
                  {rule.windows.map((w, i) => (
                    <li key={i}>
                      {w.label[lang]}
                      {lang === 'ja' ? '：' : ': '}
                      <CriteriaDate value={w.from} />
                      {t('criteria.result.rangeSeparator')}
                      <CriteriaDate value={w.to} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {rule.parameters.length > 0 ? (
        <Table caption={t('criteria.result.parameters')} className="mt-5">
          <thead>
            <tr>
              <Th>{t('criteria.result.colParameter')}</Th>
              <Th>{t('criteria.result.colValue')}</Th>
              <Th>{t('criteria.result.colEffective')}</Th>
            </tr>
          </thead>
          <tbody>
            {rule.parameters.map((p) => {
              const def = params.get(p.id);
              return (
                <tr key={p.id}>
                  <Th scope="row" className="min-w-48 font-normal">
                    {def ? def.name[lang] : p.id}
                    <span className="mt-1 block font-mono text-dns-14N-130 text-solid-gray-700">{p.id}</span>
                  </Th>
                  <Td className="min-w-64">{formatParameterValue(p.value, def?.unit ?? '', ctx)}</Td>
                  <Td className="whitespace-nowrap">
                    <CriteriaDate value={p.effectiveFrom} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}

      {citations.length > 0 ? (
        <div className="mt-5" data-testid="rule-citations">
          <SubHeading>{t('criteria.result.citations')}</SubHeading>
          <ul className="flex flex-col gap-4">
            {citations.map((c, i) => (
              <li key={i}>
                <CitationView citation={c} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {rule.factsUsed.length > 0 ? (
        <details className="mt-5 rounded-8 border border-solid-gray-420">
          <summary className="cursor-pointer px-4 py-3 text-std-16B-170 text-blue-900 underline">
            {t('criteria.result.factsUsed', { count: rule.factsUsed.length })}
          </summary>
          <dl className="border-t border-solid-gray-420 px-4 py-3">
            {rule.factsUsed.map((f, i) => (
              <div key={`${f.path}-${i}`} className="py-2">
                <dt className="font-mono text-dns-14B-130 text-solid-gray-900">{f.path}</dt>
                <dd>
                  <pre className="mt-1 rounded-6 bg-solid-gray-50 p-3 font-mono text-dns-14N-130 leading-150 break-all whitespace-pre-wrap">
                    {JSON.stringify(f.value, null, 2)}
                  </pre>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </article>
  );
}
