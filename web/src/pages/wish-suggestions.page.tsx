import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { SuggestionCard } from '../modules/suggestions/suggestion-card.tsx';
import { SUGGESTION_LIMITS, useSuggestions } from '../modules/suggestions/suggestions.api.ts';
import { Alert } from '../ui/alert.tsx';
import { Select } from '../ui/select.tsx';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

/**
 * マッチング候補 (/my-wishes/:id/suggestions): for one's own sheet, the other side's published sheets,
 * best first, each score explained term by term; the pairs the exchange criteria bar in their own
 * section, with the reason. How many to show lives in the URL (?limit=).
 */
export function WishSuggestionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('limit'));
  const limit = (SUGGESTION_LIMITS as readonly number[]).includes(asked) ? asked : 20;
  const state = useSuggestions(id, limit);
  const d = state.data;
  usePageTitle(d ? t('suggestions.titleFor', { title: d.sheet.title }) : t('suggestions.title'));
  const forCompany = d?.sheet.kind === 'company';
  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to={id ? `/my-wishes/${id}` : '/my-wishes'}>{t('suggestions.backToSheet')}</Link>
      </p>
      <PageHeading title={d ? t('suggestions.titleFor', { title: d.sheet.title }) : t('suggestions.title')} lead={t('suggestions.lead')} />
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {d ? (
        <>
          <DescriptionList
            items={[
              { term: t('suggestions.sheet'), value: `${d.sheet.title}（${d.sheet.reference}）` },
              { term: t('suggestions.owner'), value: pick(lang, d.sheet.ownerNameJa, d.sheet.ownerNameEn) },
              { term: t('suggestions.compared'), value: t(forCompany ? `suggestions.comparedWith.company_${d.direction}` : `suggestions.comparedWith.${d.direction}`, { count: d.candidates }) },
              { term: t('suggestions.criteriaAsOf'), value: forCompany ? t('suggestions.criteriaAsOfPerWish') : t('suggestions.criteriaAsOfValue', { date: d.plannedStart }) },
              {
                term: t('suggestions.weights'),
                value: t('suggestions.weightsValue', {
                  field: Math.round(d.weights.field * 100),
                  skills: Math.round(d.weights.skills * 100),
                  ageBand: Math.round(d.weights.ageBand * 100),
                  period: Math.round(d.weights.period * 100),
                  timing: Math.round(d.weights.timing * 100),
                  from: d.weightsFrom,
                }),
              },
            ]}
          />
          <Alert tone="info" className="mt-6">
            {t('suggestions.howToRead')}
          </Alert>
          <form className="mt-6 max-w-xs" onSubmit={(e) => e.preventDefault()}>
            <Select
              id="suggestion-limit"
              label={t('suggestions.limit')}
              value={String(limit)}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                next.set('limit', e.target.value);
                setParams(next, { replace: true });
              }}
            >
              {SUGGESTION_LIMITS.map((n) => (
                <option key={n} value={n}>
                  {t('suggestions.limitOption', { count: n })}
                </option>
              ))}
            </Select>
          </form>
          <section aria-labelledby="ranked-heading">
            <SectionHeading id="ranked-heading">{t('suggestions.rankedHeading', { count: d.items.length })}</SectionHeading>
            {d.items.length === 0 ? (
              <p className="text-std-16N-170">{t('suggestions.none')}</p>
            ) : (
              <ol className="flex flex-col gap-4" data-testid="suggestions-ranked">
                {d.items.map((item, i) => (
                  <li key={item.sheet.id}>
                    <SuggestionCard item={item} rank={i + 1} />
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="barred-heading">
            <SectionHeading id="barred-heading">{t('suggestions.barredHeading', { count: d.barred.length })}</SectionHeading>
            <p className="mb-4 max-w-4xl text-std-16N-170">{t('suggestions.barredLead')}</p>
            {d.barred.length === 0 ? (
              <p className="text-std-16N-170">{t('suggestions.noBarred')}</p>
            ) : (
              <ul className="flex flex-col gap-4" data-testid="suggestions-barred">
                {d.barred.map((item) => (
                  <li key={item.sheet.id}>
                    <SuggestionCard item={item} rank={null} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
