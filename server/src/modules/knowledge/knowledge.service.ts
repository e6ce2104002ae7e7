// Use cases of the knowledge pages (知識ページ): public reading by section and slug, the Q&A search,
// and editing by NPA and center staff — every save keeps the previous text as a version, refuses an
// edit made on a stale version (409) and writes its audit row in the same transaction. Figures of the
// exchange criteria are placeholders resolved from the criteria parameters (placeholders.ts).
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import { plainText } from '../../../../common/src/markup.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import type {
  KnowledgeCreate,
  KnowledgeHistory,
  KnowledgeList,
  KnowledgePage,
  KnowledgeSection,
  KnowledgeSummary,
  KnowledgeUpdate,
  KnowledgeVersion,
  QaItem,
  QaList,
  QaQuery,
} from '../../../../common/src/schemas/knowledge.schema.ts';
import { defaultParameters, type ParameterSet } from '../criteria/parameters.ts';
import { knowledgePolicy as policy } from './knowledge.policy.ts';
import { knowledgeRepository as repo, type PageRow, type SummaryRow } from './knowledge.repository.ts';
import { resolvePlaceholders, textProblems } from './placeholders.ts';

export type KnowledgeOptions = {
  /** Today in Japan (YYYY-MM-DD): the date parameters are resolved on unless a page asks for another. */
  today?: () => string;
  parameters?: () => ParameterSet;
};

const summaryView = (r: SummaryRow): KnowledgeSummary => ({
  slug: r.slug,
  section: r.section as KnowledgeSection,
  audience: r.audience as KnowledgeSummary['audience'],
  groupKey: r.groupKey,
  sortOrder: r.sortOrder,
  title: { ja: r.titleJa, en: r.titleEn },
  published: r.published,
  version: r.version,
  updatedAt: pgTimestampToIso(r.updatedAt),
});

const qaView = (r: PageRow): QaItem => ({
  slug: r.slug,
  audience: r.audience as QaItem['audience'],
  groupKey: r.groupKey,
  sortOrder: r.sortOrder,
  title: { ja: r.titleJa, en: r.titleEn },
  body: { ja: r.bodyJa, en: r.bodyEn },
  source: r.source,
  updatedAt: pgTimestampToIso(r.updatedAt),
});

/** What the audit trail keeps of a page's text. */
const auditText = (r: { version: number; titleJa: string; titleEn: string; bodyJa: string; bodyEn: string }) => ({
  version: r.version,
  titleJa: r.titleJa,
  titleEn: r.titleEn,
  bodyJa: r.bodyJa,
  bodyEn: r.bodyEn,
});

/** Words a Q&A is found by: both languages' question and answer, without markup, normalised. */
const qaHaystack = (r: PageRow) => normalizeForSearch([r.titleJa, r.titleEn, plainText(r.bodyJa), plainText(r.bodyEn)].join(' '));

const stale = (current: number) =>
  new AppError('conflict', {
    subcode: 'knowledge.stale_version',
    messages: {
      ja: `このページは編集を始めた後に他の人が更新しています（現在の版：${current}）。最新の内容を読み込み、変更をやり直してください。`,
      en: `Someone else updated this page after you started editing (current version: ${current}). Load the latest text and make your change again.`,
    },
    details: { currentVersion: current },
  });

const slugTaken = () =>
  new AppError('duplicate', {
    subcode: 'knowledge.slug_taken',
    messages: { ja: 'このスラッグ（URL）のページは既にあります。別のスラッグを指定してください。', en: 'A page with this slug (URL) already exists. Choose another slug.' },
    fields: [
      {
        path: 'slug',
        code: 'knowledge.slug_taken',
        message: { ja: 'このスラッグ（URL）は使用されています。', en: 'This slug (URL) is already in use.' },
      },
    ],
  });

export function createKnowledgeService(database: Database, opts: KnowledgeOptions = {}) {
  const { db } = database;
  const today = opts.today ?? (() => todayInJapan());
  const parameters = opts.parameters ?? defaultParameters;

  const editor = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    if (!policy.edit(ctx.actor)) throw new AppError('forbidden');
    return ctx.actor;
  };

  function resolved(texts: string[], asOf: string | undefined) {
    const date = asOf ?? today();
    return { asOf: date, ...resolvePlaceholders(texts, parameters(), date) };
  }

  function pageView(r: PageRow, asOf: string | undefined): KnowledgePage {
    return {
      ...summaryView(r),
      body: { ja: r.bodyJa, en: r.bodyEn },
      source: r.source,
      ...resolved([r.bodyJa, r.bodyEn], asOf),
    };
  }

  /** Refuses (422, nothing written) bodies that refer to unknown criteria parameters or link where pages must not. */
  function checkTexts(input: { bodyJa: string; bodyEn: string }) {
    const params = parameters();
    const fields: FieldIssue[] = [];
    for (const [path, text] of [
      ['bodyJa', input.bodyJa],
      ['bodyEn', input.bodyEn],
    ] as const) {
      for (const p of textProblems(text, params)) {
        fields.push(
          p.kind === 'unknown_parameter'
            ? {
                path,
                code: 'knowledge.unknown_parameter',
                message: {
                  ja: `存在しない交流基準パラメータ「${p.value}」を参照しています（{{param:…}} にはパラメータ一覧のIDを指定してください）。`,
                  en: `Refers to a criteria parameter that does not exist: “${p.value}” ({{param:…}} takes an id from the parameter list).`,
                },
              }
            : {
                path,
                code: 'knowledge.unsafe_link',
                message: {
                  ja: `このリンク先は使用できません：${p.value}（https:、http:、mailto:、tel: 又は「/」で始まるサイト内のパスを指定してください）。`,
                  en: `This link target cannot be used: ${p.value} (use https:, http:, mailto:, tel: or a path on this site starting with “/”).`,
                },
              },
        );
      }
    }
    if (fields.length) throw new AppError('content_rejected', { fields });
  }

  /** The page if the actor may read it (unpublished: editors only), else 404. */
  async function readable(tx: Executor, actor: Actor | null, slug: string): Promise<PageRow> {
    const r = await repo.bySlug(tx, slug);
    if (!r || !policy.read(actor, r)) throw new AppError('not_found');
    return r;
  }

  return {
    // ---------------------------------------------------------------- public

    async list(section?: KnowledgeSection): Promise<KnowledgeList> {
      return { items: (await repo.list(db, { section, publishedOnly: true })).map(summaryView) };
    },

    async page(slug: string, asOf?: string): Promise<KnowledgePage> {
      return pageView(await readable(db, null, slug), asOf);
    },

    /** Published Q&As whose question or answer (in either language) holds every word of `q`, ignoring width, case and hiragana/katakana. */
    async searchQa(query: QaQuery): Promise<QaList> {
      const rows = await repo.publishedQa(db);
      const terms = normalizeForSearch(query.q ?? '')
        .split(' ')
        .filter(Boolean);
      const items = rows.filter(
        (r) =>
          (!query.audience || r.audience === query.audience) &&
          (!query.group || r.groupKey === query.group) &&
          (terms.length === 0 || ((h) => terms.every((t) => h.includes(t)))(qaHaystack(r))),
      );
      return { items: items.map(qaView), total: rows.length, ...resolved(items.flatMap((r) => [r.bodyJa, r.bodyEn]), undefined) };
    },

    // ---------------------------------------------------------------- editing (npa, center)

    async listForEditor(ctx: RequestContext, section?: KnowledgeSection): Promise<KnowledgeList> {
      editor(ctx);
      return { items: (await repo.list(db, { section, publishedOnly: false })).map(summaryView) };
    },

    async pageForEditor(ctx: RequestContext, slug: string, asOf?: string): Promise<KnowledgePage> {
      const actor = editor(ctx);
      return pageView(await readable(db, actor, slug), asOf);
    },

    async create(ctx: RequestContext, input: KnowledgeCreate): Promise<KnowledgePage> {
      const actor = editor(ctx);
      checkTexts(input);
      const row = await inTransaction(db, async (tx) => {
        if (await repo.bySlug(tx, input.slug)) throw slugTaken();
        const created = await repo
          .insert(tx, {
            slug: input.slug,
            section: input.section,
            audience: input.audience,
            groupKey: input.groupKey,
            sortOrder: input.sortOrder,
            titleJa: input.titleJa,
            titleEn: input.titleEn,
            bodyJa: input.bodyJa,
            bodyEn: input.bodyEn,
            source: input.source || null,
            published: input.published,
            updatedBy: actor.accountId,
          })
          .catch((err: unknown) => {
            if (sqlState(err) === '23505') throw slugTaken();
            throw err;
          });
        await writeAudit(tx, ctx, {
          action: 'knowledge_page.create',
          recordType: 'knowledge_page',
          recordId: created.id,
          before: null,
          after: { slug: created.slug, section: created.section, audience: created.audience, groupKey: created.groupKey, published: created.published, source: created.source, ...auditText(created) },
        });
        return created;
      });
      return pageView(row, undefined);
    },

    /** Saves new text on top of `input.version`; the text it replaces becomes that version in the history. */
    async update(ctx: RequestContext, slug: string, input: KnowledgeUpdate): Promise<KnowledgePage> {
      const actor = editor(ctx);
      checkTexts(input);
      const row = await inTransaction(db, async (tx) => {
        const before = await readable(tx, actor, slug);
        if (before.version !== input.version) throw stale(before.version);
        const unchanged = before.titleJa === input.titleJa && before.titleEn === input.titleEn && before.bodyJa === input.bodyJa && before.bodyEn === input.bodyEn;
        if (unchanged) return before;
        // Guarded by the version: of two editors saving on the same version, the second gets the 409.
        const after = await repo.updateText(tx, before.id, input.version, {
          titleJa: input.titleJa,
          titleEn: input.titleEn,
          bodyJa: input.bodyJa,
          bodyEn: input.bodyEn,
          updatedBy: actor.accountId,
        });
        if (!after) throw stale((await repo.bySlug(tx, slug))?.version ?? input.version + 1);
        await repo
          .insertVersion(tx, {
            pageId: before.id,
            version: before.version,
            titleJa: before.titleJa,
            titleEn: before.titleEn,
            bodyJa: before.bodyJa,
            bodyEn: before.bodyEn,
            changedBy: before.updatedBy,
            changedAt: before.updatedAt,
          })
          .catch((err: unknown) => {
            if (sqlState(err) === '23505') throw stale(input.version + 1);
            throw err;
          });
        await writeAudit(tx, ctx, { action: 'knowledge_page.update', recordType: 'knowledge_page', recordId: before.id, before: auditText(before), after: auditText(after) });
        return after;
      });
      return pageView(row, undefined);
    },

    async setPublished(ctx: RequestContext, slug: string, published: boolean): Promise<KnowledgePage> {
      const actor = editor(ctx);
      const row = await inTransaction(db, async (tx) => {
        const before = await readable(tx, actor, slug);
        if (before.published === published) return before;
        const after = (await repo.setPublished(tx, before.id, published, actor.accountId))!;
        await writeAudit(tx, ctx, {
          action: published ? 'knowledge_page.publish' : 'knowledge_page.unpublish',
          recordType: 'knowledge_page',
          recordId: before.id,
          before: { slug, published: before.published },
          after: { slug, published },
        });
        return after;
      });
      return pageView(row, undefined);
    },

    /** The current version and every saved one, newest first. Editors' names are shown: the read is audited. */
    async history(ctx: RequestContext, slug: string): Promise<KnowledgeHistory> {
      const actor = editor(ctx);
      const page = await readable(db, actor, slug);
      const saved = await repo.versions(db, page.id);
      const currentBy = await repo.accountName(db, page.updatedBy);
      const items = [
        { version: page.version, title: { ja: page.titleJa, en: page.titleEn }, changedBy: currentBy, changedAt: pgTimestampToIso(page.updatedAt), current: true },
        ...saved.map((v) => ({ version: v.version, title: { ja: v.titleJa, en: v.titleEn }, changedBy: v.changedBy, changedAt: pgTimestampToIso(v.changedAt), current: false })),
      ];
      const shown = [...new Set([page.updatedBy, ...saved.map((v) => v.changedById)].filter((id): id is number => id != null))];
      if (shown.length) {
        await inTransaction(db, (tx) => writeAudit(tx, ctx, { action: 'knowledge_page.history_read', recordType: 'knowledge_page', recordId: page.id, after: { accountIds: shown } }));
      }
      return { slug: page.slug, title: { ja: page.titleJa, en: page.titleEn }, items };
    },

    /** One version's text (the current one too), with its figures resolved as of `asOf` (today by default). */
    async version(ctx: RequestContext, slug: string, version: number, asOf?: string): Promise<KnowledgeVersion> {
      const actor = editor(ctx);
      const page = await readable(db, actor, slug);
      const v =
        version === page.version
          ? { version, titleJa: page.titleJa, titleEn: page.titleEn, bodyJa: page.bodyJa, bodyEn: page.bodyEn, changedById: page.updatedBy, changedBy: await repo.accountName(db, page.updatedBy), changedAt: page.updatedAt }
          : await repo.version(db, page.id, version);
      if (!v) throw new AppError('not_found');
      if (v.changedById != null) {
        await inTransaction(db, (tx) =>
          writeAudit(tx, ctx, { action: 'knowledge_page.version_read', recordType: 'knowledge_page', recordId: page.id, after: { version, accountIds: [v.changedById] } }),
        );
      }
      return {
        slug: page.slug,
        section: page.section as KnowledgeSection,
        version: v.version,
        title: { ja: v.titleJa, en: v.titleEn },
        body: { ja: v.bodyJa, en: v.bodyEn },
        changedBy: v.changedBy,
        changedAt: pgTimestampToIso(v.changedAt),
        current: v.version === page.version,
        ...resolved([v.bodyJa, v.bodyEn], asOf),
      };
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
