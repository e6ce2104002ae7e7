import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { WishKind } from '../../../common/src/schemas/wishes.schema.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { usePublicOrganisations } from '../modules/organisations/organisations.api.ts';
import { useReference } from '../modules/reference/use-reference.ts';
import { WishEditor, type EditorOutcome } from '../modules/wishes/wish-editor.tsx';
import { WishHistoryTable } from '../modules/wishes/wish-history.tsx';
import { WishKindBadge, WishStatusBadge } from '../modules/wishes/wish-labels.tsx';
import { isRecordId, useMyWish, useWishHistory, wishHref, type WishSheetDetail } from '../modules/wishes/wishes.api.ts';
import { Alert } from '../ui/alert.tsx';
import { formatDate, formatDateTime, formatNumber, isoDateInJapan } from '../ui/format.ts';
import { LinkCard } from '../ui/card.tsx';
import { DescriptionList, Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { kindsFor } from './my-wishes.page.tsx';

type Messages = { ja: string; en: string };
/** What the new-sheet page hands on: the outcome, and why the publish that followed the first save was refused. */
type Flash = { outcome?: EditorOutcome; publishError?: { message: Messages; fields: Array<{ path: string; message: Messages }> } };

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="mb-4 text-std-16N-170">
      <Link to="/my-wishes">{t('wishes.editor.backToMine')}</Link>
    </p>
  );
}

/** A new sheet (/my-wishes/new?kind=…): without a kind the account chooses one of those it may write. */
export function WishNewPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const kinds = kindsFor(account?.role);
  const asked = params.get('kind') as WishKind | null;
  const kind = asked && kinds.includes(asked) ? asked : null;
  usePageTitle(kind ? t(`wishes.editor.newTitle.${kind}`) : t('wishes.editor.chooseKind'));
  const organisations = usePublicOrganisations();
  const reference = useReference();
  if (!kind) {
    return (
      <>
        <BackLink />
        <PageHeading title={t('wishes.editor.chooseKind')} lead={t('wishes.editor.chooseKindLead')} />
        <ul className="grid max-w-4xl gap-4 md:grid-cols-2">
          {kinds.map((k) => (
            <li key={k}>
              <LinkCard to={`/my-wishes/new?kind=${k}`} title={t(`wishes.mine.create.${k}`)} description={t(`wishes.kindDescription.${k}`)} level={2} />
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <BackLink />
      <PageHeading title={t(`wishes.editor.newTitle.${kind}`)} lead={t(`wishes.kindDescription.${kind}`)} />
      {organisations.loading ? (
        <Loading />
      ) : organisations.error ? (
        <ErrorAlert error={organisations.error} title={t('errors.loadFailed')} onRetry={organisations.reload} />
      ) : (
        <WishEditor
          key={kind}
          kind={kind}
          detail={null}
          organisations={organisations.data?.items ?? []}
          reference={reference.data}
          today={isoDateInJapan(new Date())}
          onDone={(d, outcome, publishError) =>
            navigate(`/my-wishes/${d.id}`, {
              state: {
                outcome: outcome ?? 'created',
                publishError: publishError ? { message: publishError.messages, fields: publishError.fields.map((f) => ({ path: f.path, message: f.message })) } : undefined,
              } satisfies Flash,
            })
          }
          onReload={() => undefined}
        />
      )}
    </>
  );
}

/** One of the account's sheets (/my-wishes/:id): its state, the editor with save / publish / close, and the edit history. */
export function WishEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const query = useMyWish(id);
  const [current, setCurrent] = useState<WishSheetDetail | null>(null);
  const [outcome, setOutcome] = useState<EditorOutcome | null>(() => (location.state as Flash | null)?.outcome ?? null);
  const [publishError] = useState(() => (location.state as Flash | null)?.publishError ?? null);
  const [round, setRound] = useState(0);
  const [reset, setReset] = useState(0);
  const lang = useLang();
  const detail = current && query.data && current.id === query.data.id && current.version >= query.data.version ? current : (query.data ?? null);
  const history = useWishHistory(detail?.id ?? null);
  const organisations = usePublicOrganisations();
  const reference = useReference();
  const outcomeRef = useRef<HTMLDivElement>(null);
  usePageTitle(detail ? detail.title : t('wishes.editor.editTitle'));

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome, round]);

  if (!isRecordId(id) || query.error?.status === 404) {
    return (
      <>
        <BackLink />
        <PageHeading title={t('wishes.editor.missingTitle')} lead={t('wishes.editor.missingBody')} />
      </>
    );
  }
  return (
    <>
      <BackLink />
      {query.loading && !detail ? <Loading /> : null}
      {query.error ? <ErrorAlert error={query.error} title={t('errors.loadFailed')} onRetry={query.reload} /> : null}
      {detail ? (
        <>
          <PageHeading title={detail.title} />
          {outcome ? (
            <Alert ref={outcomeRef} tone="success" live="polite" className="mb-6" testId="wish-outcome">
              {t(`wishes.editor.outcome.${outcome}`)}
            </Alert>
          ) : null}
          {publishError && outcome === 'created' ? (
            <Alert tone="error" title={t('wishes.editor.publishFailed')} className="mb-6" testId="wish-publish-error">
              {publishError.fields.length ? (
                <ul className="list-disc pl-6">
                  {publishError.fields.map((f) => (
                    <li key={f.path}>
                      {t('errorSummary.item', { label: t(`wishes.editor.fields.${f.path.replace(/^sheet\./, '')}`, { defaultValue: f.path }), message: f.message[lang] })}
                    </li>
                  ))}
                </ul>
              ) : (
                publishError.message[lang]
              )}
            </Alert>
          ) : null}
          <SheetState detail={detail} />
          {organisations.data ? (
            <WishEditor
              key={`${detail.id}-${query.data?.version ?? 0}-${reset}`}
              kind={detail.kind}
              detail={detail}
              organisations={organisations.data.items}
              reference={reference.data}
              today={isoDateInJapan(new Date())}
              onDone={(d, o) => {
                setCurrent(d);
                if (o) {
                  setOutcome(o);
                  setRound((r) => r + 1);
                }
                history.reload();
              }}
              onStart={() => setOutcome(null)}
              onReload={() => {
                setCurrent(null);
                setOutcome(null);
                setReset((r) => r + 1);
                query.reload();
                history.reload();
              }}
            />
          ) : organisations.error ? (
            <ErrorAlert error={organisations.error} title={t('errors.loadFailed')} onRetry={organisations.reload} />
          ) : (
            <Loading />
          )}
          <WishHistoryTable state={history} />
        </>
      ) : null}
    </>
  );
}

function SheetState({ detail }: { detail: WishSheetDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="wish-state-heading" className="mb-10 max-w-4xl" data-testid="wish-state" data-status={detail.effectiveStatus} data-version={detail.version}>
      <h2 id="wish-state-heading" className="mb-3 text-std-20B-150 text-solid-gray-900">
        {t('wishes.editor.stateHeading')}
      </h2>
      <DescriptionList
        items={[
          { term: t('wishes.sheet.kind'), value: <WishKindBadge kind={detail.kind} /> },
          { term: t('wishes.mine.status'), value: <WishStatusBadge status={detail.effectiveStatus} /> },
          { term: t('wishes.sheet.reference'), value: detail.reference },
          { term: t('wishes.history.version'), value: formatNumber(detail.version, lang) },
          { term: t('wishes.sheet.published'), value: detail.publishedAt ? formatDateTime(detail.publishedAt, lang) : '—' },
          { term: t('wishes.sheet.expiresOn'), value: detail.expiresOn ? formatDate(detail.expiresOn, lang) : t('wishes.sheet.noExpiry') },
          {
            term: t('wishes.mine.publicPage'),
            value:
              detail.effectiveStatus === 'published' ? (
                <Link to={wishHref(detail.reference)} data-testid="wish-public-link">
                  {t('wishes.editor.publicLink', { reference: detail.reference })}
                </Link>
              ) : (
                t(`wishes.editor.notPublic.${detail.effectiveStatus}`)
              ),
          },
        ]}
      />
      {/* マッチング候補 (web/src/pages/wish-suggestions.page.tsx) */}
      <p className="mt-4 text-std-16N-170">
        <Link to={`/my-wishes/${detail.id}/suggestions`} data-testid="wish-suggestions-link">
          {t('suggestions.open')}
        </Link>
      </p>
    </section>
  );
}
