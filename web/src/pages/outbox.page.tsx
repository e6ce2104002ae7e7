// 送信メール / Outbox: the mails koryu sent or holds (without an SMTP server they stay here).
// The NPA sees every mail; anyone else the mails addressed to their own account.
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api-hooks.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { mailStatuses, type MailDetail, type MailStatus, type OutboxPage as OutboxList } from '../../../common/src/schemas/mail.schema.ts';
import { cx } from '../ui/cx.ts';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Badge, DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle, type BadgeTone } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { NotFoundPage, QueryFailurePage } from './status-pages.tsx';

const PAGE_SIZE = 50;
const statusTone: Record<MailStatus, BadgeTone> = { pending: 'blue', sent: 'green', failed: 'orange', held: 'gray' };
const isStatus = (v: string | null): v is MailStatus => v !== null && (mailStatuses as readonly string[]).includes(v);

function useKindLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string) => {
    const key = `outbox.kind.${kind.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : kind;
  };
}

function StatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`outbox.status.${status}`)}</Badge>;
}

function listHref(status: MailStatus | undefined, page = 1) {
  const p = new URLSearchParams();
  if (status) p.set('status', status);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/outbox?${s}` : '/outbox';
}

export function OutboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const kindLabel = useKindLabel();
  usePageTitle(t('outbox.title'));
  const [params] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as MailStatus) : undefined;
  const pageParam = Number(params.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const { data, error, loading, reload } = useApiQuery<OutboxList>('/api/mail/outbox', { status, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeading title={t('outbox.title')} lead={t('outbox.lead')} />
      <nav aria-label={t('outbox.filterLabel')} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...mailStatuses].map((s) => {
            const active = s === status;
            return (
              <li key={s ?? 'all'}>
                <Link
                  to={listHref(s)}
                  aria-current={active ? 'page' : undefined}
                  className={cx(
                    'inline-flex min-h-11 items-center rounded-6 border px-3 text-oln-16N-100',
                    active ? 'border-blue-900 bg-blue-900 font-bold text-white' : 'border-solid-gray-420 text-blue-1000 underline',
                  )}
                >
                  {s ? t(`outbox.status.${s}`) : t('outbox.all')}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div role="status" className="mb-4 text-std-16N-170">
        {data ? (data.total === 0 ? t('outbox.empty') : t('outbox.summary', { total: formatNumber(data.total, lang) })) : null}
      </div>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data && data.items.length > 0 ? (
        <>
          <Table caption={t('outbox.caption')} testId="outbox-results">
            <thead>
              <tr>
                <Th>{t('outbox.colSubject')}</Th>
                <Th>{t('outbox.colTo')}</Th>
                <Th>{t('outbox.colKind')}</Th>
                <Th>{t('outbox.colStatus')}</Th>
                <Th>{t('outbox.colCreated')}</Th>
                <Th>{t('outbox.colSent')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <Tr key={m.id}>
                  <Th scope="row" className="min-w-64 font-normal">
                    <Link to={`/outbox/${m.id}`} className="text-blue-1000 underline">
                      {m.subject}
                    </Link>
                  </Th>
                  <Td className="break-all">{m.toAddress}</Td>
                  <Td>{kindLabel(m.kind)}</Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
                  </Td>
                  <Td className="whitespace-nowrap">{m.sentAt ? <time dateTime={m.sentAt}>{formatDateTime(m.sentAt, lang)}</time> : '—'}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(p) => listHref(status, p)} />
        </>
      ) : null}
    </>
  );
}

export function OutboxMailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const valid = id !== undefined && /^[1-9]\d{0,15}$/.test(id);
  const { data, error, reload } = useApiQuery<MailDetail>(valid ? `/api/mail/outbox/${id}` : null);
  if (!valid) return <NotFoundPage />;
  if (error) return <QueryFailurePage error={error} title={t('outbox.title')} onRetry={reload} />;
  if (!data) return <Loading />;
  return <MailView mail={data} />;
}

function MailView({ mail }: { mail: MailDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const kindLabel = useKindLabel();
  usePageTitle(mail.subject);
  return (
    <>
      <p className="mb-4">
        <Link to="/outbox" className="text-blue-1000 underline">
          {t('outbox.back')}
        </Link>
      </p>
      <PageHeading title={mail.subject} />
      <DescriptionList
        items={[
          { term: t('outbox.colTo'), value: <span className="break-all">{mail.toAddress}</span> },
          { term: t('outbox.colKind'), value: kindLabel(mail.kind) },
          { term: t('outbox.colStatus'), value: <StatusBadge status={mail.status} /> },
          { term: t('outbox.attempts'), value: formatNumber(mail.attempts, lang) },
          { term: t('outbox.colCreated'), value: <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, lang)}</time> },
          { term: t('outbox.colSent'), value: mail.sentAt ? <time dateTime={mail.sentAt}>{formatDateTime(mail.sentAt, lang)}</time> : '—' },
          ...(mail.caseId !== null ? [{ term: t('outbox.case'), value: `#${mail.caseId}` }] : []),
          ...(mail.lastError ? [{ term: t('outbox.lastError'), value: <code className="break-all">{mail.lastError}</code> }] : []),
        ]}
      />
      {mail.status === 'held' ? <p className="mt-4 text-std-16N-170 text-solid-gray-700">{t('outbox.heldNote')}</p> : null}
      <section aria-labelledby="mail-body-heading" className="mt-8">
        <SectionHeading id="mail-body-heading">{t('outbox.body')}</SectionHeading>
        <pre className="mt-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 font-sans text-std-16N-170 whitespace-pre-wrap break-words">{mail.body}</pre>
      </section>
    </>
  );
}
