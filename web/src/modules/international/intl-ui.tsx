// Shared pieces of the international pages (issue 8): labels, the dispatch table, load states, exports.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../api-hooks.ts';
import type { Query } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang, type Lang } from '../../i18n.ts';
import { DownloadLink } from '../../ui/file-upload.tsx';
import { Badge, Loading, type BadgeTone } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { IntlDispatchSummary } from '../../../../common/src/schemas/international-api.schema.ts';
import { exportHref, HOST_TYPES, useIntlReference } from './international.api.ts';

/** The international code lists (regions, host types, outcomes, courses) with a name lookup in the current language. */
export function useIntlLabels() {
  const lang = useLang();
  const ref = useIntlReference();
  const name = (list: { code: string; ja: string; en: string }[] | undefined, code: string) => {
    const hit = list?.find((x) => x.code === code);
    return hit ? hit[lang] : code;
  };
  return {
    ref: ref.data,
    regions: (ref.data?.regions ?? []).map((r) => ({ code: r.code, name: r[lang] })),
    regionName: (code: string) => name(ref.data?.regions, code),
    outcomeName: (code: string) => name(ref.data?.outcomes, code),
    networkName: (code: string) => name(ref.data?.networks, code),
    eventKindName: (code: string) => name(ref.data?.networkEventKinds, code),
  };
}

export const hostNameOf = (d: Pick<IntlDispatchSummary, 'hostOrganisation' | 'hostName'>, lang: Lang): string =>
  d.hostOrganisation ? d.hostOrganisation.name[lang] : (d.hostName ?? '');

const statusTone: Record<string, BadgeTone> = { draft: 'gray', active: 'blue', ended: 'green', cancelled: 'gray' };
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status] ?? 'gray'}>{t(`international.status.${status}`)}</Badge>;
}

const answerTone: Record<string, BadgeTone> = { pending: 'orange', agreed: 'green', not_agreed: 'purple', withdrawn: 'gray' };
export function AnswerBadge({ answer }: { answer: string }) {
  const { t } = useTranslation();
  return <Badge tone={answerTone[answer] ?? 'gray'}>{t(`international.answer.${answer}`)}</Badge>;
}

/** Loading / error / content for one query. */
export function Loaded<T>({ state, children }: { state: QueryState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.error) return <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  return <>{children(state.data)}</>;
}

export function DispatchTable({ rows, caption, testId }: { rows: IntlDispatchSummary[]; caption: string; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { regionName } = useIntlLabels();
  return (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{t('international.dispatch.person')}</Th>
          <Th>{t('international.dispatch.host')}</Th>
          <Th>{t('international.dispatch.hostType')}</Th>
          <Th>{t('international.dispatch.region')}</Th>
          <Th>{t('international.dispatch.period')}</Th>
          <Th>{t('international.dispatch.fiveYears')}</Th>
          <Th>{t('international.dispatch.status')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <Tr key={d.id}>
            <Th scope="row" className="min-w-[8rem] text-left">
              <Link to={`/international/dispatches/${d.id}`} className="text-blue-1000 underline">
                {d.person.name}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">{d.sendingOrganisation.name[lang]}</span>
            </Th>
            <Td>
              {hostNameOf(d, lang)}
              {d.post ? <span className="block text-dns-14N-130 text-solid-gray-700">{d.post}</span> : null}
            </Td>
            <Td className="min-w-[6rem]">{t(`international.hostType.${d.hostType}`)}</Td>
            <Td className="whitespace-nowrap">{regionName(d.region)}</Td>
            <Td className="whitespace-nowrap">
              {d.start} – {d.actualEnd ?? d.currentPlannedEnd}
            </Td>
            <Td>
              {d.consultationRequired ? (
                d.consulted ? (
                  <Badge tone="green">{t('international.dispatch.consulted')}</Badge>
                ) : (
                  <Badge tone="orange">{t('international.dispatch.needsConsultation')}</Badge>
                )
              ) : (
                <span className="text-solid-gray-700">{t('international.dispatch.within')}</span>
              )}
            </Td>
            <Td>
              <StatusBadge status={d.state} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/** CSV and xlsx download links of one export. */
export function ExportLinks({ what, label, query }: { what: string; label: string; query?: Query }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = { ...(query ?? {}), lang };
  return (
    <ul className="my-4 flex flex-wrap gap-4" aria-label={t('international.export.heading', { what: label })}>
      <li>
        <DownloadLink href={exportHref(what, 'csv', q)} testId={`export-${what}-csv`}>
          {t('international.export.csv', { what: label })}
        </DownloadLink>
      </li>
      <li>
        <DownloadLink href={exportHref(what, 'xlsx', q)} testId={`export-${what}-xlsx`}>
          {t('international.export.xlsx', { what: label })}
        </DownloadLink>
      </li>
    </ul>
  );
}

export const fyLabel = (fy: number, lang: Lang) => (lang === 'ja' ? `${fy}年度` : `FY${fy}`);

/** A "choose" placeholder, then the host types (派遣先の種類), for a required select. */
export function HostTypeOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('common.choose')}</option>
      {HOST_TYPES.map((h) => (
        <option key={h} value={h}>
          {t(`international.hostType.${h}`)}
        </option>
      ))}
    </>
  );
}

/** A "choose" placeholder, then the regions (地域) from useIntlLabels(), for a required select. */
export function RegionOptions({ regions }: { regions: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('common.choose')}</option>
      {regions.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </>
  );
}
