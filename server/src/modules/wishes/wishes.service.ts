// Use cases of wish sheets (交流希望シート): a ministry or a company keeps its sheets (下書き → 公開中 →
// 終了, with an expiry date and every saved version), the public listing and search (no login, no
// personal data), and the interested-companies list for ministries (官民人事交流に関心が高い企業の一覧).
// No HTTP, no SQL here. Every change runs in one transaction with its version row and audit row;
// reads that show people's names or contacts are audited.
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import { fieldMessages, type FieldMessageKey } from '../../../../common/src/messages.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import {
  wishContentSchema,
  type InterestedCompanyExportQuery,
  type InterestedCompanyItem,
  type InterestedCompanyList,
  type InterestedCompanyQuery,
  type MyWishQuery,
  type PublicWishDetail,
  type PublicWishItem,
  type PublicWishList,
  type PublicWishQuery,
  type WishHistory,
  type WishOwner,
  type WishSheetDetail,
  type WishSheetInput,
  type WishSheetSummary,
  type WishSheetUpdate,
  type WishStatus,
  type WishTransition,
} from '../../../../common/src/schemas/wishes.schema.ts';
import { sizeBands } from '../companies/companies.service.ts';
import { wishesRepository as repo, type SheetRow, type SheetValues } from './wishes.repository.ts';
import { wishesPolicy as policy } from './wishes.policy.ts';
import {
  defaultExpiry,
  deriveRow,
  effectiveStatus,
  industryLabel,
  maskContacts,
  maskContactsDeep,
  nextWishStatus,
  prefectureLabel,
  prefecturesOfRegion,
  referenceOf,
  summaryOf,
  regionKey,
  wishRefusals,
  type OwnerNames,
  type WishEvent,
} from './wishes.rules.ts';
import { queryTerms } from './search/search.ts';
import { createPublicIndex, type IndexQuery, type IndexSource, type PublicIndexOptions } from './public-listing/public-index.ts';
import type { IndexSheetRow } from './wishes.repository.ts';

export type WishesOptions = {
  /** Today (YYYY-MM-DD, Japan): the server clock; tests may fix it. */
  today?: () => string;
  /**
   * The public listing from memory (public-listing/public-index.ts, ADR 008): 'index' (default) once
   * loaded (the first request starts the load; SQL answers until then), 'sql' always from the
   * database (the reference implementation).
   */
  publicListing?: 'index' | 'sql';
  publicIndex?: PublicIndexOptions;
  /** Matches counted before the listing answers totalCapped (tests lower it). */
  publicCountCap?: number;
};

const issue = (path: string, key: FieldMessageKey): FieldIssue => ({ path, code: key, message: fieldMessages[key] });
const invalid = (...fields: FieldIssue[]) => new AppError('validation_failed', { fields });
const iso = (v: string | null) => (v === null ? null : pgTimestampToIso(v));
const stale = () =>
  new AppError('conflict', {
    subcode: 'wish.stale',
    messages: {
      ja: 'このシートは他の操作で更新されています。最新の内容を読み込んでからやり直してください。',
      en: 'This sheet was changed by someone else. Reload the latest version and try again.',
    },
  });

type Owner = { organisationId: number | null; companyId: number | null; names: OwnerNames; code: string | null };

function ownerOf(r: SheetRow): WishOwner {
  if (r.kind === 'company') {
    const name = r.companyName ?? '';
    return { side: 'company', organisationCode: null, companyId: r.companyId, nameJa: name, nameEn: name };
  }
  return { side: 'ministry', organisationCode: r.organisationCode, companyId: null, nameJa: r.organisationNameJa ?? '', nameEn: r.organisationNameEn ?? '' };
}

/** The stored body as the sheet's content, with the stored status. */
function contentOf(r: SheetRow): WishSheetInput {
  return wishContentSchema.parse({ ...(r.body as object), status: r.status }) as WishSheetInput;
}

function sizeOf(capitalYen: number | null, employees: number | null): InterestedCompanyItem['size'] {
  if (capitalYen === null && employees === null) return null;
  if ((capitalYen ?? 0) >= sizeBands.large.minCapitalYen && (employees ?? 0) >= sizeBands.large.minEmployees) return 'large';
  if (employees !== null && employees < sizeBands.smallMaxEmployees) return 'small';
  return employees === null ? null : 'medium';
}

export function createWishesService(database: Database, opts: WishesOptions = {}) {
  const { db } = database;
  const today = opts.today ?? (() => todayInJapan());

  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  function summaryView(r: SheetRow, asOf: string): WishSheetSummary {
    return {
      id: r.id,
      reference: r.reference,
      kind: r.kind as WishSheetSummary['kind'],
      direction: r.direction as WishSheetSummary['direction'],
      status: r.status as WishStatus,
      effectiveStatus: effectiveStatus(r.status as WishStatus, r.expiresOn, asOf),
      title: r.title,
      owner: ownerOf(r),
      version: r.version,
      expiresOn: r.expiresOn,
      publishedAt: iso(r.publishedAt),
      closedAt: iso(r.closedAt),
      updatedAt: pgTimestampToIso(r.updatedAt),
    };
  }

  function detailView(actor: Actor, r: SheetRow, asOf: string): WishSheetDetail {
    const s = summaryView(r, asOf);
    const may = (e: WishEvent) => policy.manage(actor, r) && nextWishStatus(s.effectiveStatus, e) !== null;
    return {
      ...s,
      content: contentOf(r),
      createdAt: pgTimestampToIso(r.createdAt),
      actions: { edit: may('update'), publish: may('publish'), close: may('close'), reopen: may('reopen') },
    };
  }

  /**
   * The public view of a row: contacts written into free text are masked (maskContacts). The list
   * reads the stored body as saved (validated on every save); the detail page parses it whole.
   */
  function publicItem(r: SheetRow): PublicWishItem {
    return {
      reference: r.reference,
      kind: r.kind as PublicWishItem['kind'],
      direction: r.direction as PublicWishItem['direction'],
      title: maskContacts(r.title),
      summary: maskContacts(summaryOf(r.body as WishSheetInput)),
      owner: ownerOf(r),
      fieldCodes: r.fieldCodes as PublicWishItem['fieldCodes'],
      ageBands: r.ageBands as PublicWishItem['ageBands'],
      industries: r.industryCodes.map(industryLabel),
      prefecture: prefectureLabel(r.prefectureCode),
      periodMonths: { min: r.periodMinMonths, max: r.periodMaxMonths },
      start: { from: r.startFrom, to: r.startTo },
      expiresOn: r.expiresOn,
      publishedAt: pgTimestampToIso(r.publishedAt ?? r.updatedAt),
    };
  }

  /** The sheet if the actor may manage it (else 404). */
  async function managed(tx: Executor, actor: Actor, id: number): Promise<SheetRow> {
    const r = await repo.sheet(tx, id);
    if (!r || !policy.manage(actor, r)) throw new AppError('not_found');
    return r;
  }

  /** Resolves and checks the sheet's owner; `prefix` is the body path of the sheet ('' or 'sheet.'). */
  async function resolveOwner(tx: Executor, actor: Actor, input: WishSheetInput, prefix: string): Promise<Owner> {
    if (input.kind === 'company') {
      const c = await repo.company(tx, input.companyId);
      if (!c) throw invalid(issue(`${prefix}companyId`, 'company.unknown'));
      if (!policy.createFor(actor, { kind: 'company', organisationId: null, companyId: c.id })) {
        throw new AppError('forbidden', { fields: [issue(`${prefix}companyId`, 'wish.owner_forbidden')] });
      }
      return { organisationId: null, companyId: c.id, names: { nameJa: c.name, nameEn: c.name }, code: null };
    }
    const o = await repo.organisationByCode(tx, input.organisationCode);
    if (!o) throw invalid(issue(`${prefix}organisationCode`, 'organisation.unknown'));
    if (!policy.createFor(actor, { kind: input.kind, organisationId: o.id, companyId: null })) {
      throw new AppError('forbidden', { fields: [issue(`${prefix}organisationCode`, 'wish.owner_forbidden')] });
    }
    return { organisationId: o.id, companyId: null, names: { nameJa: o.nameJa, nameEn: o.nameEn, organisationCode: o.code }, code: o.code };
  }

  /** The wanted ministries' names (for the search text); an unknown code is a field error. */
  async function wantedNames(tx: Executor, input: WishSheetInput, prefix: string): Promise<string[]> {
    if (input.kind !== 'company' || !input.wantedMinistries.length) return [];
    const found = await repo.organisationsByCodes(tx, input.wantedMinistries);
    const known = new Map(found.map((o) => [o.code, o]));
    const bad = input.wantedMinistries.flatMap((c, i) => (known.has(c) ? [] : [issue(`${prefix}wantedMinistries.${i}`, 'organisation.unknown')]));
    if (bad.length) throw invalid(...bad);
    return input.wantedMinistries.flatMap((c) => [known.get(c)!.nameJa, known.get(c)!.nameEn]);
  }

  function valuesOf(input: WishSheetInput, owner: Owner, wanted: string[], status: WishStatus): SheetValues & { body: WishSheetInput } {
    const body = { ...input, status };
    const d = deriveRow(body, owner.names, wanted);
    return { ...d, organisationId: owner.organisationId, companyId: owner.companyId, status, body };
  }

  const auditOf = (r: { reference: string; kind: string; title: string; status: string; version: number; expiresOn?: string | null }) => ({
    reference: r.reference,
    kind: r.kind,
    title: r.title,
    status: r.status,
    version: r.version,
    ...(r.expiresOn !== undefined ? { expiresOn: r.expiresOn } : {}),
  });

  /** Checks the version and the transition; returns the current row and the status after the event. */
  async function guard(tx: Executor, actor: Actor, id: number, version: number, event: WishEvent, asOf: string) {
    const r = await managed(tx, actor, id);
    const locked = await repo.lockSheet(tx, id);
    if (!locked) throw new AppError('not_found');
    if (locked.version !== version) throw stale();
    const next = nextWishStatus(effectiveStatus(r.status as WishStatus, r.expiresOn, asOf), event);
    if (next === null) throw new AppError('conflict', { subcode: 'wish.status', messages: wishRefusals[event] });
    return { r, next };
  }

  async function move(ctx: RequestContext, id: number, t: WishTransition, event: Exclude<WishEvent, 'update'>): Promise<WishSheetDetail> {
    const actor = actorOf(ctx);
    const asOf = today();
    await inTransaction(db, async (tx) => {
      const { r, next } = await guard(tx, actor, id, t.version, event, asOf);
      const content = contentOf(r);
      let expiresOn = r.expiresOn;
      if (event === 'publish') {
        expiresOn ??= defaultExpiry(asOf);
        if (expiresOn < asOf) throw invalid(issue('expiresOn', 'wish.expires_past'));
      }
      const body = { ...content, status: next, expiresOn };
      const values: Partial<SheetValues> = { status: next, body, expiresOn };
      if (event === 'publish') Object.assign(values, { publishedAt: new Date().toISOString(), closedAt: null });
      if (event === 'close') values.closedAt = new Date().toISOString();
      if (event === 'reopen') values.closedAt = null;
      const version = await repo.updateSheet(tx, id, t.version, values);
      if (version === null) throw stale();
      const note = { publish: 'published', close: 'closed', reopen: 'reopened' }[event];
      await repo.insertVersion(tx, { sheetId: id, version, status: next, body, changedBy: actor.accountId, note: t.note ? `${note}: ${t.note}` : note });
      await writeAudit(tx, ctx, {
        action: `wish_sheet.${event}`,
        recordType: 'wish_sheet',
        recordId: id,
        before: auditOf(r),
        after: auditOf({ ...r, status: next, version, expiresOn }),
      });
    });
    return detailView(actor, (await repo.sheet(db, id))!, asOf);
  }

  /** The listing's filter: codes become facet keys (ADR 008); an unknown ministry or region is a field error. */
  async function publicFilter(q: PublicWishQuery): Promise<{ filter: IndexQuery; asOf: string }> {
    const asOf = today();
    const keys: string[] = [];
    if (q.ministry) {
      if ((await repo.organisationIdOfCode(db, q.ministry)) === undefined) throw invalid(issue('ministry', 'organisation.unknown'));
      keys.push(`o:${q.ministry}`);
    }
    if (q.region) {
      const key = regionKey(q.region);
      if (!key) throw invalid(issue('region', 'wish.region_unknown'));
      keys.push(key);
    }
    if (q.side) keys.push(`s:${q.side}`);
    if (q.direction) keys.push(`d:${q.direction}`);
    if (q.industry) keys.push(`i:${q.industry}`);
    if (q.field) keys.push(`f:${q.field}`);
    if (q.ageBand) keys.push(`a:${q.ageBand}`);
    return { filter: { terms: queryTerms(q.q), keys, period: q.period, startMonth: q.startMonth }, asOf };
  }

  async function publicListSql(filter: IndexQuery, asOf: string, q: PublicWishQuery) {
    const r = await repo.publicList(db, filter, asOf, q.sort, q.page, q.pageSize, countCap);
    return { items: r.items.map(publicItem), total: r.total, capped: r.capped };
  }

  /** What the index keeps of a row: the list item as the SQL path returns it, and the keys it filters and sorts on. */
  function indexSource(r: IndexSheetRow): IndexSource {
    return {
      id: Number(r.id),
      status: r.status,
      item: JSON.stringify(publicItem(r)),
      searchText: r.searchText,
      facetKeys: r.facetKeys,
      periodMin: r.periodMinMonths,
      periodMax: r.periodMaxMonths,
      startFrom: r.startFrom,
      startTo: r.startTo,
      expiresOn: r.expiresOn,
      published: r.publishedMicros === null ? null : Number(r.publishedMicros),
    };
  }

  async function publicListFrom(q: PublicWishQuery): Promise<{ list: PublicWishList; source: 'index' | 'sql' }> {
    const { filter, asOf } = await publicFilter(q);
    const fromIndex = listing === 'index' ? await publicIndex.query(filter, asOf, q.sort, q.page, q.pageSize, countCap) : null;
    const r = fromIndex ?? (await publicListSql(filter, asOf, q));
    return { list: { items: r.items, total: r.total, totalCapped: r.capped, page: q.page, pageSize: q.pageSize }, source: fromIndex ? 'index' : 'sql' };
  }

  const listing = opts.publicListing ?? 'index';
  const countCap = opts.publicCountCap ?? PUBLIC_COUNT_CAP;
  const publicIndex = createPublicIndex(
    {
      page: async (after, limit) => (await repo.publicIndexPage(db, after, limit)).map(indexSource),
      rows: async (ids) => (await repo.publicIndexRows(db, ids)).map(indexSource),
      latestVersionId: () => repo.latestVersionId(db),
      versionsAfter: (after, limit) => repo.versionsAfter(db, after, limit),
    },
    opts.publicIndex,
  );

  return {
    // ---------------------------------------------------------------- own sheets

    async listMine(ctx: RequestContext, q: MyWishQuery) {
      const actor = actorOf(ctx);
      const scope = policy.scope(actor);
      if (!scope) throw new AppError('forbidden');
      const asOf = today();
      const r = await repo.ownList(db, scope, { status: q.status, kind: q.kind }, asOf, q.page, q.pageSize);
      return { items: r.items.map((x) => summaryView(x, asOf)), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async create(ctx: RequestContext, input: WishSheetInput): Promise<WishSheetDetail> {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        const owner = await resolveOwner(tx, actor, input, '');
        const values = valuesOf(input, owner, await wantedNames(tx, input, ''), 'draft');
        const newId = await repo.insertSheet(tx, { ...values, version: 1, createdBy: actor.accountId }, referenceOf);
        await repo.insertVersion(tx, { sheetId: newId, version: 1, status: 'draft', body: values.body, changedBy: actor.accountId, note: 'created' });
        await writeAudit(tx, ctx, {
          action: 'wish_sheet.create',
          recordType: 'wish_sheet',
          recordId: newId,
          before: null,
          after: auditOf({ reference: referenceOf(newId), kind: input.kind, title: input.title, status: 'draft', version: 1, expiresOn: input.expiresOn }),
        });
        return newId;
      });
      return detailView(actor, (await repo.sheet(db, id))!, today());
    },

    async get(ctx: RequestContext, id: number): Promise<WishSheetDetail> {
      const actor = actorOf(ctx);
      return detailView(actor, await managed(db, actor, id), today());
    },

    async update(ctx: RequestContext, id: number, u: WishSheetUpdate): Promise<WishSheetDetail> {
      const actor = actorOf(ctx);
      const asOf = today();
      await inTransaction(db, async (tx) => {
        const { r, next } = await guard(tx, actor, id, u.version, 'update', asOf);
        // The side (ministry or company) and the owner stay; a ministry may switch dispatch ↔ hire.
        const sent = u.sheet;
        const sameSide = (sent.kind === 'company') === (r.kind === 'company');
        const sameOwner = sent.kind === 'company' ? sent.companyId === r.companyId : sent.organisationCode === r.organisationCode;
        if (!sameSide || !sameOwner) {
          const path = !sameSide ? 'sheet.kind' : sent.kind === 'company' ? 'sheet.companyId' : 'sheet.organisationCode';
          throw invalid(issue(path, 'wish.owner_fixed'));
        }
        // A published sheet keeps an expiry date: an edit that clears it keeps the one it had.
        const input = sent.expiresOn === null && next === 'published' ? { ...sent, expiresOn: r.expiresOn ?? defaultExpiry(asOf) } : sent;
        const owner = await resolveOwner(tx, actor, input, 'sheet.');
        const values = valuesOf(input, owner, await wantedNames(tx, input, 'sheet.'), next);
        const version = await repo.updateSheet(tx, id, u.version, values);
        if (version === null) throw stale();
        await repo.insertVersion(tx, { sheetId: id, version, status: next, body: values.body, changedBy: actor.accountId, note: 'updated' });
        await writeAudit(tx, ctx, {
          action: 'wish_sheet.update',
          recordType: 'wish_sheet',
          recordId: id,
          before: { ...auditOf(r), body: r.body },
          after: { ...auditOf({ ...r, kind: input.kind, title: input.title, status: next, version, expiresOn: input.expiresOn }), body: values.body },
        });
      });
      return detailView(actor, (await repo.sheet(db, id))!, asOf);
    },

    publish: (ctx: RequestContext, id: number, t: WishTransition) => move(ctx, id, t, 'publish'),
    close: (ctx: RequestContext, id: number, t: WishTransition) => move(ctx, id, t, 'close'),
    reopen: (ctx: RequestContext, id: number, t: WishTransition) => move(ctx, id, t, 'reopen'),

    /** Every saved version, newest first; the names of the staff who saved them are an audited read. */
    async history(ctx: RequestContext, id: number): Promise<WishHistory> {
      const actor = actorOf(ctx);
      const r = await managed(db, actor, id);
      const rows = await repo.versions(db, id);
      const shown = [...new Set(rows.flatMap((v) => (v.changedBy !== null ? [v.changedBy] : [])))];
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'wish_sheet.history_read', recordType: 'wish_sheet', recordId: id, after: { reference: r.reference, accountsShown: shown } }),
      );
      return {
        reference: r.reference,
        items: rows.map((v) => ({
          version: v.version,
          status: v.status as WishStatus,
          note: v.note,
          changedAt: pgTimestampToIso(v.changedAt),
          changedByName: v.changedByName,
          content: wishContentSchema.parse({ ...(v.body as object), status: v.status }) as WishSheetInput,
        })),
      };
    },

    // ---------------------------------------------------------------- public listing

    /** The public listing: from the in-process index once loaded, else (and as the reference) from SQL. */
    async publicList(q: PublicWishQuery): Promise<PublicWishList> {
      return (await publicListFrom(q)).list;
    },

    /** The same, and which path answered ('index' or 'sql': the route sends it as x-koryu-listing). */
    publicListFrom,

    /** The two implementations of the listing, for the equivalence tests and the bench's warm-up. */
    publicListing: {
      async sql(q: PublicWishQuery): Promise<PublicWishList> {
        const { filter, asOf } = await publicFilter(q);
        const r = await publicListSql(filter, asOf, q);
        return { items: r.items, total: r.total, totalCapped: r.capped, page: q.page, pageSize: q.pageSize };
      },
      /** From the index (loaded first if needed, then caught up with the change feed). */
      async index(q: PublicWishQuery): Promise<PublicWishList> {
        const { filter, asOf } = await publicFilter(q);
        await publicIndex.loaded();
        const r = (await publicIndex.query(filter, asOf, q.sort, q.page, q.pageSize, countCap))!;
        return { items: r.items, total: r.total, totalCapped: r.capped, page: q.page, pageSize: q.pageSize };
      },
      loaded: () => publicIndex.loaded(),
      stats: () => publicIndex.stats(),
      reset: () => publicIndex.reset(),
    },

    async publicDetail(reference: string): Promise<PublicWishDetail> {
      const r = await repo.publicSheet(db, reference, today());
      if (!r) throw new AppError('not_found');
      const content = maskContactsDeep(contentOf(r));
      const wanted = content.kind === 'company' ? await repo.organisationsByCodes(db, content.wantedMinistries) : [];
      const byCode = new Map(wanted.map((o) => [o.code, o]));
      return {
        ...publicItem(r),
        content,
        wantedMinistries: content.kind === 'company' ? content.wantedMinistries.flatMap((c) => (byCode.has(c) ? [{ code: c, ja: byCode.get(c)!.nameJa, en: byCode.get(c)!.nameEn }] : [])) : [],
        updatedAt: pgTimestampToIso(r.updatedAt),
      };
    },

    // ---------------------------------------------------------------- interested companies

    async interestedCompanies(ctx: RequestContext, q: InterestedCompanyQuery): Promise<InterestedCompanyList> {
      actorOf(ctx);
      const r = await interested(q, q.pageSize, (q.page - 1) * q.pageSize);
      await audit(ctx, 'interested_company.list', { query: q, ids: r.items.map((i) => i.companyId) });
      return { items: r.items, total: r.total, page: q.page, pageSize: q.pageSize };
    },

    /** Every matching company (at most EXPORT_LIMIT), for CSV and xlsx. */
    async interestedCompaniesExport(ctx: RequestContext, q: InterestedCompanyExportQuery, format: 'csv' | 'xlsx'): Promise<InterestedCompanyItem[]> {
      actorOf(ctx);
      const r = await interested(q, EXPORT_LIMIT, 0);
      await audit(ctx, 'interested_company.export', { query: q, format, count: r.items.length, ids: r.items.map((i) => i.companyId) });
      return r.items;
    },
  };

  async function audit(ctx: RequestContext, action: string, after: unknown) {
    await inTransaction(db, (tx) => writeAudit(tx, ctx, { action, recordType: 'interested_company', after }));
  }

  async function interested(q: InterestedCompanyExportQuery, limit: number, offset: number): Promise<{ items: InterestedCompanyItem[]; total: number }> {
    const asOf = today();
    let prefectureCodes: string[] | undefined;
    if (q.region) {
      const codes = prefecturesOfRegion(q.region);
      if (!codes) throw invalid(issue('region', 'wish.region_unknown'));
      prefectureCodes = codes;
    }
    const text = q.q ? normalizeForSearch(q.q) : undefined;
    const { ids, total } = await repo.interestedCompanyIds(db, { text, industry: q.industry, prefectureCodes, direction: q.direction, field: q.field }, asOf, limit, offset);
    const items: InterestedCompanyItem[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const [cs, apps, sheets] = await Promise.all([repo.interestedCompanies(db, chunk), repo.acceptedApplications(db, chunk), repo.liveCompanySheets(db, chunk, asOf)]);
      const wantedCodes = [...new Set(sheets.flatMap((s) => (Array.isArray(s.wantedMinistries) ? s.wantedMinistries : [])))];
      const orgs = new Map((await repo.organisationsByCodes(db, wantedCodes)).map((o) => [o.code, o]));
      const company = new Map(cs.map((c) => [c.id, c]));
      const app = new Map(apps.map((a) => [a.companyId, a]));
      for (const id of chunk) {
        const c = company.get(id);
        if (!c) continue;
        const a = app.get(id);
        const own = sheets.filter((s) => s.companyId === id);
        const wanted = [...new Set(own.flatMap((s) => (Array.isArray(s.wantedMinistries) ? s.wantedMinistries : [])))];
        const times = [a?.decidedAt ?? null, ...own.map((s) => s.publishedAt)].filter((t): t is string => t !== null).map(pgTimestampToIso).sort();
        items.push({
          companyId: c.id,
          companyName: c.name,
          corporateNumber: c.corporateNumber,
          industry: c.industryCode ? industryLabel(c.industryCode) : null,
          prefecture: prefectureLabel(c.prefectureCode),
          employees: c.employees,
          capitalYen: c.capitalYen,
          size: sizeOf(c.capitalYen, c.employees),
          sources: [...(a ? (['call_application'] as const) : []), ...(own.length ? (['wish_sheet'] as const) : [])],
          wantsDispatch: (a?.wantsDispatch ?? false) || own.some((s) => s.direction !== 'hire'),
          wantsHire: (a?.wantsHire ?? false) || own.some((s) => s.direction !== 'dispatch'),
          fieldCodes: [...new Set(own.flatMap((s) => s.fieldCodes))] as InterestedCompanyItem['fieldCodes'],
          wantedMinistries: wanted.flatMap((code) => {
            const o = orgs.get(code);
            return o ? [{ code, ja: o.nameJa, en: o.nameEn }] : [];
          }),
          sheetReferences: own.map((s) => s.reference),
          conditions: a?.conditions ?? '',
          contactName: a?.contactName ?? null,
          contactEmail: a?.contactEmail ?? null,
          contactPhone: a?.contactPhone ?? null,
          since: times[0] ?? new Date(0).toISOString(),
        });
      }
    }
    return { items, total };
  }
}

/** The public listing counts matches up to this many (then answers totalCapped: true). */
export const PUBLIC_COUNT_CAP = 1000;

/** Export cap: the list is meant for browsing, not for copying the directory. */
export const EXPORT_LIMIT = 20_000;

export type WishesService = ReturnType<typeof createWishesService>;
