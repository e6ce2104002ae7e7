import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../app-errors.tsx';
import { useSession } from '../modules/accounts/session.tsx';
import { WishActions } from '../modules/wishes/wish-actions.tsx';
import { WishSheetView } from '../modules/wishes/wish-sheet-view.tsx';
import { isWishReference, usePublicWish } from '../modules/wishes/wishes.api.ts';
import '../modules/wishes/wish-print.css';
import { Button } from '../ui/button.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';

/**
 * 交流希望シート (public, stable URL /wishes/WS-000123): the whole sheet, a print button and a print
 * stylesheet (wish-print.css) for one clean A4 page. Logged-in accounts see the actions of
 * modules/wishes/wish-actions.tsx (inquiries, suggestions) below it, never in the printout.
 */
export function WishSheetPage() {
  const { t } = useTranslation();
  const { reference } = useParams();
  const { account } = useSession();
  const state = usePublicWish(reference);
  const missing = !isWishReference(reference) || state.error?.status === 404;
  usePageTitle(missing ? t('wishes.sheet.missingTitle') : state.data ? state.data.title : t('wishes.sheet.pageTitle'));
  if (missing) {
    return (
      <>
        <PageHeading title={t('wishes.sheet.missingTitle')} lead={t('wishes.sheet.missingBody')} />
        <p className="text-std-16N-170">
          <Link to="/wishes">{t('wishes.sheet.backToList')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="mb-4 text-std-16N-170" data-print-hide>
        <Link to="/wishes">{t('wishes.sheet.backToList')}</Link>
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {state.data ? (
        <article data-print-sheet aria-labelledby="wish-sheet-title">
          <div id="wish-sheet-title">
            <PageHeading title={state.data.title} />
          </div>
          <WishSheetView
            sheet={state.data}
            actions={
              <div className="my-4 flex flex-wrap gap-3" data-print-hide>
                <Button variant="secondary" onClick={() => window.print()} data-testid="wish-print">
                  <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-current">
                    <path d="M19 8H5a3 3 0 00-3 3v6h4v4h12v-4h4v-6a3 3 0 00-3-3zm-3 11H8v-5h8v5zm3-7a1 1 0 110-2 1 1 0 010 2zM18 3H6v4h12V3z" />
                  </svg>
                  {t('wishes.sheet.print')}
                </Button>
              </div>
            }
          />
          {account ? (
            <div id="wish-actions" data-print-hide className="mt-10">
              <WishActions sheet={state.data} account={account} />
            </div>
          ) : null}
        </article>
      ) : null}
    </>
  );
}
