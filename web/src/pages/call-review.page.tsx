import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { pageParam, PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { acceptApplication, useReviewQueue, type ApplicationStatus, type ReviewItem } from '../modules/public-call/public-call.api.ts';
import { ReturnForm } from '../modules/public-call/return-form.tsx';
import { ReviewTable } from '../modules/public-call/review-table.tsx';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';

const statuses: ApplicationStatus[] = ['submitted', 'accepted', 'returned', 'withdrawn'];
type Filters = { status: ApplicationStatus; page: number };

const read = (p: URLSearchParams): Filters => {
  const s = p.get('status');
  return { status: statuses.includes(s as ApplicationStatus) ? (s as ApplicationStatus) : 'submitted', page: pageParam(p) };
};
const write = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.status !== 'submitted') p.set('status', f.status);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
};

/** 応募の審査 (NPA): the queue of applications; accept (the legal-entity type must be eligible today) or return with a reason. */
export function CallReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('publicCall.review.title'));
  const { filters, search, clear, hrefFor } = useUrlFilters('/admin/call-applications', read, write);
  const queue = useReviewQueue(filters.status, filters.page);
  const lookup = makeLookup(useReference().data, lang);
  const outcome = useOutcome();
  const [returning, setReturning] = useState<ReviewItem | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept(a: ReviewItem) {
    setBusy(true);
    setReturning(null);
    await outcome.run(() => acceptApplication(a.id), (t) => t('publicCall.review.accepted', { company: a.companyName }), queue.reload);
    setBusy(false);
  }

  return (
    <>
      <PageHeading title={t('publicCall.review.title')} lead={t('publicCall.review.lead')} />
      <StatusFilter value={filters} onSearch={search} onClear={clear} />
      <PagedResults
        id="review"
        heading={t(`publicCall.review.resultsHeading.${filters.status}`)}
        noResults={t('publicCall.review.noResults')}
        outcome={outcome.view('review-outcome')}
        state={queue}
        hrefFor={hrefFor}
      >
        {(data) => <ReviewTable data={data} lookup={lookup} busy={busy} onAccept={(a) => void accept(a)} onReturn={setReturning} />}
      </PagedResults>
      {returning ? (
        <ReturnForm
          key={returning.id}
          item={returning}
          defaultReason={returning.eligibility.eligible ? '' : t('publicCall.review.ineligibleReason', { type: lookup.legalType(returning.legalTypeCode) })}
          onCancel={() => setReturning(null)}
          onReturned={() => {
            const company = returning.companyName;
            setReturning(null);
            outcome.show({ ok: (t) => t('publicCall.review.returned', { company }) });
            queue.reload();
          }}
        />
      ) : null}
    </>
  );
}

function StatusFilter({ value, onSearch, onClear }: { value: Filters; onSearch: (f: Filters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  return (
    <SearchPanel id="review-search" heading={t('publicCall.review.filterHeading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <Select id="review-status" label={t('publicCall.statusLabel')} className="max-w-xs" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as ApplicationStatus }))}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`publicCall.status.${s}`)}
          </option>
        ))}
      </Select>
    </SearchPanel>
  );
}
