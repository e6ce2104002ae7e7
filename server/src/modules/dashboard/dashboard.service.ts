// What each role sees first: counts that lead to its daily work.
import type { Actor } from '../../platform/context.ts';
import type { BaseServices } from '../../services.ts';

export type DashboardItem = { key: string; value: number };

export function createDashboardService(s: BaseServices) {
  return {
    async forActor(actor: Actor): Promise<{ role: Actor['role']; items: DashboardItem[] }> {
      const startOfDay = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
      const items: DashboardItem[] = [];
      switch (actor.role) {
        case 'npa':
          items.push({ key: 'pendingRegistrations', value: await s.accounts.countPending() });
          items.push({ key: 'companies', value: await s.companies.count(['active']) });
          items.push({ key: 'organisations', value: (await s.organisations.list()).length });
          items.push({ key: 'auditEntriesToday', value: await s.audit.countSince(startOfDay) });
          break;
        case 'center':
          items.push({ key: 'companies', value: await s.companies.count(['active']) });
          items.push({ key: 'organisations', value: (await s.organisations.list()).length });
          break;
        case 'ministry_hr': {
          const tree = actor.organisationId ? await s.organisations.tree(actor.organisationId) : null;
          const countUnits = (nodes: { children: unknown[] }[]): number =>
            nodes.reduce((n, u) => n + 1 + countUnits(u.children as { children: unknown[] }[]), 0);
          items.push({ key: 'units', value: tree ? countUnits(tree.units) : 0 });
          items.push({ key: 'officials', value: actor.organisationId ? await s.people.countOfficials(actor.organisationId) : 0 });
          items.push({ key: 'companies', value: await s.companies.count(['active']) });
          break;
        }
        case 'company_hr': {
          const d = actor.companyId ? await s.companies.detail(actor, actor.companyId) : null;
          items.push({ key: 'divisions', value: d?.divisions.length ?? 0 });
          items.push({ key: 'subsidiaries', value: d?.subsidiaries.length ?? 0 });
          items.push({ key: 'employees', value: actor.companyId ? await s.people.countEmployees(actor.companyId) : 0 });
          break;
        }
        case 'participant':
          items.push({ key: 'posts', value: actor.personId ? await s.people.countPosts(actor.personId) : 0 });
          break;
      }
      return { role: actor.role, items };
    },
  };
}
