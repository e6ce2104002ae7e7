// Puts the initial knowledge pages (./content/*.json) into the database. The public pages must not
// be empty on a fresh installation, demo or not, so `koryu start` runs this after migrating (see
// server/src/main.ts), and `koryu demo load` too. It inserts only pages whose slug is not in the
// table yet: on a fresh database that is every page; afterwards the pages belong to their editors —
// an edited or unpublished page is never overwritten or brought back — while a page added to the
// content files in a later release still appears. A transaction-scoped advisory lock keeps two app
// instances starting together from inserting the same page twice.
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext } from '../../platform/context.ts';
import type { KnowledgeContentPage } from '../../../../common/src/schemas/knowledge.schema.ts';
import { knowledgeContent } from './knowledge.content.ts';
import { knowledgeRepository as repo } from './knowledge.repository.ts';

/** Inserts the content pages that are missing; returns how many it inserted (0 when none were missing). */
export async function seedKnowledgePages(database: Database, pages: readonly KnowledgeContentPage[] = knowledgeContent()): Promise<number> {
  return inTransaction(database.db, async (tx) => {
    await repo.lockSeeding(tx);
    const existing = await repo.slugs(tx);
    const missing = pages.filter((p) => !existing.has(p.slug));
    if (!missing.length) return 0;
    await repo.insertMany(
      tx,
      missing.map((p) => ({
        slug: p.slug,
        section: p.section,
        audience: p.audience,
        groupKey: p.groupKey,
        sortOrder: p.sortOrder,
        titleJa: p.title.ja,
        titleEn: p.title.en,
        bodyJa: p.body.ja,
        bodyEn: p.body.en,
        source: p.source,
        published: true,
        version: 1,
        updatedBy: null,
      })),
    );
    await writeAudit(tx, systemContext('knowledge-seed'), {
      action: 'knowledge_page.seed',
      recordType: 'knowledge_page',
      recordId: null,
      before: null,
      after: { slugs: missing.map((p) => p.slug) },
    });
    return missing.length;
  });
}
