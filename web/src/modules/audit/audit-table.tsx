import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { formatDateTimeParts } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { AuditEntry } from './audit.api.ts';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

export function AuditTable({ rows, caption }: { rows: AuditEntry[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const roleName = (role: string | null) => (role && i18n.exists(`roles.${role}`) ? t(`roles.${role}`) : (role ?? ''));
  return (
    <Table caption={caption} testId="audit-results">
      <thead>
        <tr>
          <Th>{t('audit.colId')}</Th>
          <Th>{t('audit.colAt')}</Th>
          <Th>{t('audit.colActor')}</Th>
          <Th>{t('audit.colAction')}</Th>
          <Th>{t('audit.colRecord')}</Th>
          <Th>{t('audit.colRequest')}</Th>
          <Th>{t('audit.colChanges')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.id}>
            <Th scope="row" className="font-mono font-normal">
              {r.id}
            </Th>
            <Td className="whitespace-nowrap">
              <time dateTime={r.at}>
                <span className="block">{formatDateTimeParts(r.at, lang).primary}</span>
                <span className="block text-dns-14N-130 text-solid-gray-700">{formatDateTimeParts(r.at, lang).secondary}</span>
              </time>
            </Td>
            <Td>
              {r.actorAccountId == null ? t('audit.system') : t('audit.actorValue', { id: r.actorAccountId, role: roleName(r.actorRole) })}
              {r.actorOrganisation ? <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{r.actorOrganisation}</span> : null}
            </Td>
            <Td className="font-mono">{r.action}</Td>
            <Td className="font-mono">
              {r.recordType}
              {r.recordId ? `#${r.recordId}` : ''}
            </Td>
            <Td className="max-w-40 font-mono text-dns-14N-130 break-all">
              {r.requestId ? <span className="block">{r.requestId}</span> : null}
              {r.ip ? <span className="block text-solid-gray-700">{r.ip}</span> : null}
            </Td>
            <Td className="min-w-40">
              {r.before == null && r.after == null ? (
                '—'
              ) : (
                <details>
                  <summary className="cursor-pointer text-blue-1000 underline">{t('audit.showChanges')}</summary>
                  <div className="mt-2 grid gap-2">
                    <div>
                      <p className="text-dns-14B-130">{t('audit.before')}</p>
                      <pre className="max-h-64 max-w-md overflow-auto rounded-4 bg-solid-gray-50 p-2 text-mono-14N-150">{json(r.before)}</pre>
                    </div>
                    <div>
                      <p className="text-dns-14B-130">{t('audit.after')}</p>
                      <pre className="max-h-64 max-w-md overflow-auto rounded-4 bg-solid-gray-50 p-2 text-mono-14N-150">{json(r.after)}</pre>
                    </div>
                  </div>
                </details>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
