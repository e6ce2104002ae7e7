import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError } from '../../api.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import { ruleIds, rulesForReading } from '../criteria/criteria.api.ts';
import { LookIcon, lookBox, OutcomeBadge, overallLook } from '../criteria/criteria-labels.tsx';
import { DecisionView } from '../criteria/decision-view.tsx';
import { blocksOf, checkCriteria, mayCase, putExceptions, type CaseDetail } from './exchanges.api.ts';
import type { CaseOutcome } from './case-outcome.tsx';

/** 交流基準: the last verdict kept on the case, "check now" on fresh facts, and the rules that fail or are undecided. */
export function CaseCriteria({ detail, onChanged }: { detail: CaseDetail; onChanged: (o: CaseOutcome) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const [busy, setBusy] = useState(false);
  const c = detail.criteria;
  const open = c?.decision ? rulesForReading(c.decision.rules).filter((r) => r.outcome === 'fail' || r.outcome === 'indeterminate') : [];

  async function check() {
    setBusy(true);
    try {
      const r = await checkCriteria(detail.id);
      onChanged({ kind: 'ok', message: (tt) => tt('exchangeCases.criteria.checked', { verdict: tt(`criteria.overall.${r.verdict}`) }) });
    } catch (err) {
      const e = isApiError(err) ? err : unexpectedError();
      onChanged(e.code === 'transition_blocked' ? { kind: 'blocked', event: 'submit', blocks: blocksOf(e.details), error: e } : { kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="case-criteria">
      {c ? (
        <div className={cx('rounded-8 border-2 p-4', lookBox(overallLook[c.verdict]))} data-testid="case-criteria-verdict">
          <p className="flex items-center gap-2 text-std-20B-150">
            <LookIcon look={overallLook[c.verdict]} className="size-6" />
            {t('criteria.result.verdict', { verdict: t(`criteria.overall.${c.verdict}`) })}
          </p>
          <p className="mt-1 text-dns-14N-130 text-solid-gray-800">{t('exchangeCases.criteria.checkedAt', { at: formatDateTime(c.checkedAt, lang) })}</p>
          {c.decision ? <p className="mt-2 text-std-16N-170 text-solid-gray-900">{c.decision.summary[lang]}</p> : null}
        </div>
      ) : (
        <p className="text-std-16N-170 text-solid-gray-800" data-testid="case-criteria-none">
          {t('exchangeCases.criteria.notChecked')}
        </p>
      )}
      {open.length > 0 ? (
        <ul className="flex flex-col gap-3" data-testid="case-criteria-rules">
          {open.map((r) => (
            <li key={r.ruleId} className="rounded-8 border border-solid-gray-420 bg-white p-3">
              <p className="flex flex-wrap items-center gap-2 text-std-16B-170">
                <OutcomeBadge outcome={r.outcome} />
                {r.title[lang]}
              </p>
              <ul className="mt-1 list-disc pl-6 text-std-16N-170 text-solid-gray-800">
                {r.reasons.map((x, i) => (
                  <li key={`${x.code}-${i}`}>{x.message[lang]}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.criteria.when')}</p>
      <div className="flex flex-wrap items-center gap-3">
        {mayCase.checkCriteria(account, detail) && detail.personId != null ? (
          <Button variant="secondary" onClick={() => void check()} disabled={busy} data-testid="criteria-check-now">
            {busy ? t('exchangeCases.criteria.checking') : t('exchangeCases.criteria.checkNow')}
          </Button>
        ) : null}
        {detail.personId == null && mayCase.checkCriteria(account, detail) ? <p className="text-std-16N-170 text-solid-gray-800">{t('exchangeCases.criteria.needsPerson')}</p> : null}
      </div>
      {c?.decision ? (
        <details className="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid="case-criteria-details">
          <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">{t('exchangeCases.criteria.details')}</summary>
          <DecisionView decision={c.decision} />
        </details>
      ) : null}
      {mayCase.exceptions(account) ? <ExceptionsEditor detail={detail} onChanged={onChanged} /> : null}
      {!mayCase.exceptions(account) && detail.approvedExceptions.length > 0 ? (
        <p className="text-std-16N-170">
          {t('exchangeCases.exceptions.approved', { rules: detail.approvedExceptions.map((x) => `${t(`criteria.rules.${x.ruleId}`)}（${x.reference}）`).join('、') })}
        </p>
      ) : null}
    </div>
  );
}

/** 人事院が承認した例外: rule and the approval's reference; saving clears the kept verdict (checked again on fresh facts). */
function ExceptionsEditor({ detail, onChanged }: { detail: CaseDetail; onChanged: (o: CaseOutcome) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(detail.approvedExceptions);
  const [ruleId, setRuleId] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(next: typeof rows) {
    setBusy(true);
    try {
      await putExceptions(detail.id, detail.version, next);
      setRows(next);
      onChanged({ kind: 'ok', message: (tt) => tt('exchangeCases.exceptions.saved') });
    } catch (err) {
      onChanged({ kind: 'error', error: isApiError(err) ? err : unexpectedError() });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="exceptions-heading" className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-testid="exceptions-editor">
      <h3 id="exceptions-heading" className="mb-2 text-std-18B-160">
        {t('exchangeCases.exceptions.heading')}
      </h3>
      <p className="mb-3 text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.exceptions.lead')}</p>
      {rows.length > 0 ? (
        <Table caption={t('exchangeCases.exceptions.caption')} captionHidden className="mb-4 bg-white">
          <thead>
            <tr>
              <Th>{t('exchangeCases.exceptions.rule')}</Th>
              <Th>{t('exchangeCases.exceptions.reference')}</Th>
              <Th>{t('criteriaData.actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <Tr key={x.ruleId}>
                <Th scope="row" className="font-normal">
                  {t(`criteria.rules.${x.ruleId}`)}
                </Th>
                <Td>{x.reference}</Td>
                <Td>
                  <Button size="sm" variant="danger" disabled={busy} aria-label={t('exchangeCases.exceptions.removeLabel', { rule: t(`criteria.rules.${x.ruleId}`) })} onClick={() => void save(rows.filter((r) => r.ruleId !== x.ruleId))}>
                    {t('exchangeCases.exceptions.remove')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="mb-3 text-std-16N-170">{t('exchangeCases.exceptions.none')}</p>
      )}
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        aria-label={t('exchangeCases.exceptions.add')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!ruleId || !reference.trim()) {
            setError(t('exchangeCases.exceptions.incomplete'));
            return;
          }
          setError(null);
          void save([...rows.filter((r) => r.ruleId !== ruleId), { ruleId: ruleId as (typeof rows)[number]['ruleId'], reference: reference.trim() }]).then(() => {
            setRuleId('');
            setReference('');
          });
        }}
      >
        <Select id="exception-rule" label={t('exchangeCases.exceptions.rule')} value={ruleId} onChange={(e) => setRuleId(e.target.value)} className="min-w-64" error={error && !ruleId ? error : undefined}>
          <option value="">{t('common.choose')}</option>
          {ruleIds.map((r) => (
            <option key={r} value={r}>
              {t(`criteria.rules.${r}`)}
            </option>
          ))}
        </Select>
        <TextField
          id="exception-reference"
          label={t('exchangeCases.exceptions.reference')}
          hint={t('exchangeCases.exceptions.referenceHint')}
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          className="min-w-64 flex-1"
          error={error && ruleId && !reference.trim() ? error : undefined}
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('exchangeCases.exceptions.add')}
        </Button>
      </form>
    </section>
  );
}
