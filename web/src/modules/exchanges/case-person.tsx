import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-hooks.ts';
import { isApiError, unexpectedError, type ApiError, type Messages } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { Alert } from '../../ui/alert.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Loading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { fullName, fullReading, searchText, type PeoplePage } from '../people/people.api.ts';
import type { CaseOutcome } from './case-outcome.tsx';
import { namePerson, type CaseDetail } from './exchanges.api.ts';

/** As many employees as the people API gives in one page: enough for a list; more are narrowed by name. */
const LIST_SIZE = 200;
const selectId = fieldIdOf('name-person.personId');

/**
 * 交流採用の対象者: on a hire, the company's HR names which of its own employees goes (the ministry
 * cannot see the company's people). The list is the company's employees from the people directory,
 * narrowed by name when there are many. A success goes to the page's message (which takes focus); a
 * field error stays on the select with a summary; any other refusal — a stale version above all —
 * stays here, takes focus and offers to read the case again (keeping the choice).
 */
export function CasePerson({ detail, report, reload }: { detail: CaseDetail; report: (o: CaseOutcome) => void; reload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const people = useApiQuery<PeoplePage>('/api/people', { pageSize: LIST_SIZE, q: applied ? searchText(applied).slice(0, 100) : undefined });
  const employees = (people.data?.items ?? []).filter((p) => p.kind === 'employee' && p.companyId === detail.company.id);
  const [choice, setChoice] = useState(detail.personId != null ? String(detail.personId) : '');
  const [error, setError] = useState<Messages | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusStatus = () => setTimeout(() => statusRef.current?.focus(), 0);
  const label = t('exchangeCases.namePerson.label');

  // The person already named stays choosable even when a narrowed list leaves them out.
  const options = employees.map((p) => ({ id: p.id, label: [fullName(p), fullReading(p)].filter(Boolean).join('　') }));
  if (detail.personId != null && !options.some((o) => o.id === detail.personId)) options.unshift({ id: detail.personId, label: detail.personName ?? String(detail.personId) });
  const capped = people.data != null && people.data.total > people.data.items.length;

  // Someone else changed the case: read it again (keeping the choice) and say so, then the user saves again.
  function reloadCase() {
    reload();
    setFailure(null);
    setReloaded(true);
    focusStatus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setReloaded(false);
    if (!choice) {
      setError(copyMessage('choose'));
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await namePerson(detail.id, detail.version, Number(choice));
      setError(null);
      report({ kind: 'ok', message: (tt) => tt('exchangeCases.namePerson.saved', { name: saved.personName ?? '' }) });
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      const field = fieldErrorsFrom(apiErr).personId;
      if (field) {
        setError(field);
        setAttempt((a) => a + 1);
      } else {
        setFailure(apiErr);
        focusStatus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex max-w-3xl flex-col gap-4" data-testid="case-name-person">
      <p className="text-std-16N-170 text-solid-gray-800">{t('exchangeCases.namePerson.lead')}</p>
      <p className="text-std-16N-170" data-testid="name-person-current">
        <span className="font-bold">{t('exchangeCases.namePerson.current')}</span>
        {detail.personName ?? <span className="text-solid-gray-700">{t('exchangeCases.namePerson.notNamed')}</span>}
      </p>

      {capped || applied ? (
        <form
          role="search"
          aria-label={t('exchangeCases.namePerson.filter')}
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(q.trim());
          }}
        >
          <TextField id="name-person-filter" type="search" label={t('exchangeCases.namePerson.filter')} autoComplete="off" maxLength={100} className="min-w-64 flex-1" value={q} onChange={(e) => setQ(e.target.value)} />
          <Button type="submit" variant="secondary">
            {t('exchangeCases.namePerson.filterButton')}
          </Button>
        </form>
      ) : null}
      {people.loading ? <Loading /> : null}
      {people.error ? <ErrorAlert error={people.error} title={t('errors.loadFailed')} onRetry={people.reload} /> : null}

      <ErrorSummary
        items={error ? [{ fieldId: selectId, message: t('errorSummary.item', { label, message: error[lang] }) }] : []}
        focusKey={attempt}
      />
      {people.data ? (
        <form noValidate onSubmit={submit} className="flex flex-col gap-3" aria-labelledby="name-person-heading" data-testid="name-person-form">
          <Select
            id={selectId}
            label={label}
            hint={
              capped
                ? t('exchangeCases.namePerson.capped', { total: formatNumber(people.data.total, lang), shown: formatNumber(people.data.items.length, lang) })
                : options.length === 0
                  ? t(applied ? 'exchangeCases.namePerson.noMatch' : 'exchangeCases.namePerson.noEmployees')
                  : t('exchangeCases.namePerson.hint')
            }
            required
            className="max-w-xl"
            value={choice}
            error={error?.[lang]}
            onChange={(e) => {
              setChoice(e.target.value);
              setError(null);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
          <div>
            <Button type="submit" disabled={busy} data-testid="name-person-save">
              {t('exchangeCases.namePerson.save')}
            </Button>
          </div>
        </form>
      ) : null}
      <div ref={statusRef} tabIndex={-1} className="focus:outline-none" data-testid="name-person-status">
        {failure ? <ErrorAlert error={failure} onRetry={failure.code === 'conflict' ? reloadCase : undefined} /> : null}
        {reloaded ? (
          <Alert tone="info" live="polite">
            {t('exchangeCases.namePerson.reloaded')}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
