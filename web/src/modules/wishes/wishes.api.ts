import type {
  InterestedCompanyItem,
  InterestedCompanyList,
  PublicWishDetail,
  PublicWishItem,
  PublicWishList,
  WishEffectiveStatus,
  WishHistory,
  WishSheetDetail,
  WishSheetSummary,
  WishVersion,
} from '../../../../common/src/schemas/wishes.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api, withQuery } from '../../api.ts';
import type { WishSheetBody } from './wish-draft.ts';
import { interestedApiQuery, wishApiQuery, type InterestedFilters, type WishFilters } from './wish-query.ts';

// Wish sheets (交流希望シート) and the interested-companies list: server/src/modules/wishes/wishes.routes.ts
// (route list: /work/brief/wishes-api.md). The role lists mirror the grants table
// (server/src/platform/permissions.ts); the server enforces them, the screens only avoid offering
// what would be refused.

export type { InterestedCompanyItem, PublicWishDetail, PublicWishItem, WishEffectiveStatus, WishSheetDetail, WishSheetSummary, WishVersion };

type Role = SessionAccount['role'];

/** wishes:write */
export const wishWriterRoles: Role[] = ['ministry_hr', 'company_hr', 'npa'];
/** interested_companies:read */
export const interestedReaderRoles: Role[] = ['ministry_hr', 'npa', 'center'];

export const PUBLIC_PAGE_SIZE = 20;
export const MY_PAGE_SIZE = 50;
export const INTERESTED_PAGE_SIZE = 50;

// ---------------------------------------------------------------- public listing and sheet

export const usePublicWishes = (f: WishFilters) => useApiQuery<PublicWishList>('/api/public/wishes', { ...wishApiQuery(f), pageSize: PUBLIC_PAGE_SIZE });

/** A reference in the URL that cannot be one (WS- and 6–12 digits) is not sent. */
export const isWishReference = (v: string | undefined): v is string => !!v && /^WS-\d{6,12}$/.test(v);
export const usePublicWish = (reference: string | undefined) => useApiQuery<PublicWishDetail>(isWishReference(reference) ? `/api/public/wishes/${reference}` : null);

export const wishHref = (reference: string) => `/wishes/${reference}`;

// ---------------------------------------------------------------- own sheets

export const useMyWishes = (status: string, kind: string, page: number) =>
  useApiQuery<{ items: WishSheetSummary[]; total: number; page: number; pageSize: number }>('/api/wishes', { status, kind, page, pageSize: MY_PAGE_SIZE });
export const isRecordId = (v: string | undefined): v is string => !!v && /^[1-9]\d{0,15}$/.test(v);
export const useMyWish = (id: string | undefined) => useApiQuery<WishSheetDetail>(isRecordId(id) ? `/api/wishes/${id}` : null);
export const useWishHistory = (id: number | null) => useApiQuery<WishHistory>(id === null ? null : `/api/wishes/${id}/history`);

export const createWish = (sheet: WishSheetBody) => api.post<WishSheetDetail>('/api/wishes', sheet);
export const updateWish = (id: number, version: number, sheet: WishSheetBody) => api.put<WishSheetDetail>(`/api/wishes/${id}`, { version, sheet });
export const transitionWish = (id: number, action: 'publish' | 'close' | 'reopen', version: number) =>
  api.post<WishSheetDetail>(`/api/wishes/${id}/${action}`, { version });

// ---------------------------------------------------------------- 官民人事交流に関心が高い企業の一覧

export const useInterestedCompanies = (f: InterestedFilters) =>
  useApiQuery<InterestedCompanyList>('/api/interested-companies', { ...interestedApiQuery(f), pageSize: INTERESTED_PAGE_SIZE });
export const interestedExportHref = (f: InterestedFilters, format: 'csv' | 'xlsx') => withQuery(`/api/interested-companies.${format}`, { ...interestedApiQuery(f), page: undefined });
