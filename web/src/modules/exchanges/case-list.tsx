import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../accounts/session.tsx';
import { buttonClass } from '../../ui/button.tsx';
import { DownloadIcon } from '../../ui/file-upload.tsx';
import { formatNumber } from '../../ui/format.ts';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { Select } from '../../ui/select.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { CompactDate, directionLabel, OverdueFlag, PartyNames, Period, StateBadge } from './case-labels.tsx';
import { caseStates, exportHref, reviewStates, type CaseFilters, type CaseItem, type CaseState, type Paged } from './exchanges.api.ts';

/** The list's filters: states, type, start range, overdue, text and the order; all kept in the URL. */
export function CaseFilterPanel({
  id,
  value,
  onSearch,
  onClear,
  states = caseStates,
}: {
  id: string;
  value: CaseFilters;
  onSearch: (f: CaseFilters) => void;
  onClear: () => void;
  /** The states offered (the queue offers those waiting on the NPA). */
  states?: readonly CaseState[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  const toggle = (s: CaseState, on: boolean) => setDraft((d) => ({ ...d, state: on ? [...d.state, s] : d.state.filter((x) => x !== s) }));
  return (
    <SearchPanel id={id} heading={t('exchangeCases.filters.heading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <fieldset>
        <legend className="mb-2 text-std-16B-170 text-solid-gray-800">{t('exchangeCases.filters.state')}</legend>
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.filters.stateHint')}</p>
        <ul className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
          {states.map((s) => (
            <li key={s}>
              <label className="flex cursor-pointer items-center gap-2 text-std-16N-170">
                <input
                  type="checkbox"
                  className="size-5 shrink-0 accent-blue-900"
                  data-testid={`${id}-state-${s}`}
                  checked={draft.state.includes(s)}
                  onChange={(e) => toggle(s, e.target.checked)}
                />
                {t(`exchangeCases.state.${s}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2 lg:grid-cols-4">
        <Select id={`${id}-direction`} label={t('exchangeCases.fields.direction')} value={draft.direction} onChange={(e) => setDraft((d) => ({ ...d, direction: e.target.value as CaseFilters['direction'] }))}>
          <option value="">{t('common.all')}</option>
          <option value="dispatch">{t('exchangeCases.direction.dispatch')}</option>
          <option value="hire">{t('exchangeCases.direction.hire')}</option>
        </Select>
        <TextField id={`${id}-startFrom`} type="date" label={t('exchangeCases.filters.startFrom')} value={draft.startFrom} onChange={(e) => setDraft((d) => ({ ...d, startFrom: e.target.value }))} />
        <TextField id={`${id}-startTo`} type="date" label={t('exchangeCases.filters.startTo')} value={draft.startTo} onChange={(e) => setDraft((d) => ({ ...d, startTo: e.target.value }))} />
        <Select id={`${id}-sort`} label={t('exchangeCases.filters.sort')} value={draft.sort} onChange={(e) => setDraft((d) => ({ ...d, sort: e.target.value as CaseFilters['sort'] }))}>
          <option value="start">{t('exchangeCases.filters.sortStart')}</option>
          <option value="age">{t('exchangeCases.filters.sortAge')}</option>
          <option value="updated">{t('exchangeCases.filters.sortUpdated')}</option>
        </Select>
      </div>
      <div className="grid grid-cols-1 items-end gap-5 md:grid-cols-2">
        <TextField
          id={`${id}-q`}
          type="search"
          label={t('exchangeCases.filters.q')}
          hint={t('exchangeCases.filters.qHint')}
          maxLength={200}
          value={draft.q}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
        />
        <label className="flex cursor-pointer items-center gap-2 pb-3 text-std-16N-170">
          <input
            type="checkbox"
            className="size-5 shrink-0 accent-blue-900"
            data-testid={`${id}-overdue`}
            checked={draft.overdue}
            onChange={(e) => setDraft((d) => ({ ...d, overdue: e.target.checked }))}
          />
          {t('exchangeCases.filters.overdue')}
        </label>
      </div>
    </SearchPanel>
  );
}

/** CSV and Excel downloads of every row the current filters select. */
export function ExportLinks({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const icon = <DownloadIcon />;
  return (
    <p className="mb-4 flex flex-wrap gap-3" data-testid="case-export">
      <a href={exportHref('csv', filters)} download className={buttonClass('secondary', 'sm')} data-testid="export-csv">
        {icon}
        {t('exchangeCases.export.csv')}
      </a>
      <a href={exportHref('xlsx', filters)} download className={buttonClass('secondary', 'sm')} data-testid="export-xlsx">
        {icon}
        {t('exchangeCases.export.xlsx')}
      </a>
      <span className="self-center text-dns-14N-130 text-solid-gray-700">{t('exchangeCases.export.hint')}</span>
    </p>
  );
}

/** The cases of one page: reference (link), state, type, parties, person, period, review clock. */
export function CaseTable({ data, caption, testId, queue }: { data: Paged<CaseItem>; caption: string; testId: string; queue?: boolean }) {
  const { t } = useTranslation();
  const showPerson = data.items.some((c) => c.personName !== null);
  // A ministry sees only its own cases: the unit says enough.
  const oneOrganisation = useSession().account?.role === 'ministry_hr';
  return (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{t('exchangeCases.fields.reference')}</Th>
          <Th>{t('exchangeCases.fields.state')}</Th>
          {queue ? <Th>{t('exchangeCases.fields.plannedStart')}</Th> : null}
          <Th>{t('exchangeCases.fields.direction')}</Th>
          <Th>{t('exchangeCases.fields.ministry')}</Th>
          <Th>{t('exchangeCases.fields.company')}</Th>
          {showPerson ? <Th>{t('exchangeCases.fields.person')}</Th> : null}
          {queue ? null : <Th>{t('exchangeCases.fields.period')}</Th>}
          <Th>{t('exchangeCases.fields.review')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((c) => (
          <Tr key={c.id}>
            <Th scope="row" className="whitespace-nowrap">
              <Link to={`/exchanges/${c.id}`} className="font-mono" data-testid={`case-link-${c.reference}`}>
                {c.reference}
              </Link>
            </Th>
            <Td>
              <StateBadge state={c.state} />
            </Td>
            {queue ? (
              <Td className="whitespace-nowrap">
                <CompactDate value={c.plannedStart} />
              </Td>
            ) : null}
            <Td className="min-w-32">{directionLabel(t, c)}</Td>
            <Td className="min-w-44">
              <PartyNames c={c} showOrganisation={!oneOrganisation} />
            </Td>
            <Td className="min-w-48">
              {c.company.name}
              <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{c.company.corporateNumber}</span>
            </Td>
            {showPerson ? <Td className="min-w-28 whitespace-nowrap">{c.personName ?? '—'}</Td> : null}
            {queue ? null : (
              <Td>
                <Period start={c.plannedStart} end={c.plannedEnd} compact />
              </Td>
            )}
            <Td className="min-w-40">
              {c.submittedOn ? (
                <span className="block whitespace-nowrap">
                  {t('exchangeCases.submittedOn')}
                  <CompactDate value={c.submittedOn} />
                </span>
              ) : (
                <span className="text-solid-gray-700">{t('exchangeCases.notSubmitted')}</span>
              )}
              {c.reviewDueOn && reviewStates.includes(c.state) ? (
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {t('exchangeCases.reviewDue')}
                  <CompactDate value={c.reviewDueOn} />
                </span>
              ) : null}
              {c.overdue ? (
                <span className="mt-1 block">
                  <OverdueFlag testId={`overdue-${c.reference}`} />
                </span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/** "n cases" for a caption. */
export const countText = (t: (k: string, o?: Record<string, unknown>) => string, total: number, lang: 'ja' | 'en') =>
  t('exchangeCases.list.caption', { count: total, formatted: formatNumber(total, lang) });
