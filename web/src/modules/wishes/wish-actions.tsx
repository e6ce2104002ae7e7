import type { PublicWishDetail } from '../../../../common/src/schemas/wishes.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { AskInquiry } from '../inquiries/ask-inquiry.tsx';

// ================================================================ the sheet page's action slot
// Rendered by web/src/pages/wish-sheet.page.tsx below the sheet, ONLY for a logged-in account (the
// public page shows nothing here), inside <div id="wish-actions">, which is hidden in the printout.
// Other parts of issue 5 add their component here by a targeted edit, each with its own <h2>:
//   - 「この希望について問い合わせる」 (inquiries, single contact window): at SLOT: inquiries
//   - 「マッチング候補」 (suggestions for this sheet): at SLOT: suggestions
// Each receives the published sheet (`sheet`: reference, kind, owner, content …) and the account.

export type WishActionsProps = { sheet: PublicWishDetail; account: SessionAccount };

export function WishActions({ sheet, account }: WishActionsProps) {
  void sheet;
  void account;
  return (
    <>
      {/* SLOT: inquiries */}
      <AskInquiry sheet={{ reference: sheet.reference, ownerSide: sheet.owner.side }} account={account} />
      {/* SLOT: suggestions */}
    </>
  );
}
