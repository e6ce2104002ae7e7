import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import { peopleRepository as repo, type PersonRow } from './people.repository.ts';
import { canReadPerson, peopleScope } from './people.policy.ts';

const view = (p: PersonRow) => ({
  id: p.id,
  kind: p.kind as 'official' | 'employee',
  familyName: p.familyName,
  givenName: p.givenName,
  familyNameKana: p.familyNameKana,
  givenNameKana: p.givenNameKana,
  birthDate: p.birthDate,
  gender: p.gender,
  organisationId: p.organisationId,
  companyId: p.companyId,
});

export function createPeopleService(database: Database) {
  const { db } = database;
  return {
    countOfficials: (organisationId: number) => repo.countOfficials(db, organisationId),
    countEmployees: (companyId: number) => repo.countEmployees(db, companyId),
    countPosts: (personId: number) => repo.countPosts(db, personId),

    /** Every read of personal data is written to the audit trail, with the ids returned. */
    async search(ctx: RequestContext, q: string | undefined, page: number, pageSize: number) {
      const scope = peopleScope(ctx.actor!);
      if (!scope) throw new AppError('forbidden');
      // Readings are stored in katakana and names without a space: search the same way.
      const text = q ? normalizeForSearch(q).replace(/ /g, '') : undefined;
      const r = await repo.search(db, scope, text || undefined, page, pageSize);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, {
          action: 'person.list',
          recordType: 'person',
          after: { q: q ? normalizeForSearch(q) : null, page, ids: r.items.map((p) => p.id) },
        }),
      );
      return { items: r.items.map(view), total: r.total, page, pageSize };
    },

    async detail(ctx: RequestContext, id: number) {
      const p = await repo.findById(db, id);
      if (!p || !canReadPerson(ctx.actor!, p)) throw new AppError('not_found');
      const posts = await repo.posts(db, id);
      await inTransaction(db, (tx) => writeAudit(tx, ctx, { action: 'person.read', recordType: 'person', recordId: id }));
      return { ...view(p), posts };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
