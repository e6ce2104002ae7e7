// Own vs other organisation on every route that addresses a record belonging to an organisation.
// Organisation A: the demo data (経済産業省, its officials, the companies with cases, sheets,
// inquiries, consultations, surveys, dispatches). Organisation B: 防衛省, a company of its own and
// a person of its own, each with an account of the same role. Every scoped route is called by B's
// account on A's record: 403/404 with ja/en, nothing but the error in the body, nothing written.
// The owner's account reads the same record (2xx), so the record ids are real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { loadDemo } from '../cli/demo.ts';
import type { Role } from '../platform/context.ts';
import { createAccount, createCompany, createPerson, login, testApp, type Session, type TestApp } from '../test/app.ts';
import { classify, routeScopes, scopedRolesFor, type RecordKind, type ScopedRole } from './route-scope.ts';
import { bodySamples, isBareError, tableChecksums } from './fixtures.ts';

let t: TestApp;
const ORG_B = 34; // 防衛省: no demo records
let companyB = 0;
let personB = 0;
const other = {} as Record<ScopedRole, Session>;
const ownerSessions = new Map<string, Session>();
const ownerAccounts = {} as Record<ScopedRole, { id: number; scope: Record<string, number> }>;

type Owners = Partial<Record<ScopedRole, Record<string, number>>>;
type Picked = { params: Record<string, string | number>; owners: Owners };

const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => {
  const r = rowsOf<T>(await t.db.db.execute(q));
  if (!r[0]) throw new Error(`fixture query found nothing: ${JSON.stringify(q)}`);
  return r[0];
};

const pick: Record<RecordKind, (role: ScopedRole) => Promise<Picked>> = {
  company: async () => ({ params: { id: 1 }, owners: { company_hr: { companyId: 1 } } }),
  company_sales: async () => {
    const r = await one<{ company_id: number; fiscal_year: number }>(sql`select company_id, fiscal_year from company_sales order by id limit 1`);
    return { params: { id: r.company_id, fiscalYear: r.fiscal_year }, owners: { company_hr: { companyId: r.company_id } } };
  },
  company_sanction: async () => {
    const r = await one<{ id: number; company_id: number }>(sql`select id, company_id from company_sanctions order by id limit 1`);
    return { params: { id: r.company_id, recordId: r.id }, owners: { company_hr: { companyId: r.company_id } } };
  },
  division_revenue: async () => {
    const r = await one<{ company_id: number; division_id: number; fiscal_year: number }>(
      sql`select d.company_id, r.division_id, r.fiscal_year from division_revenue r join company_divisions d on d.id = r.division_id order by r.id limit 1`,
    );
    return { params: { id: r.company_id, divisionId: r.division_id, fiscalYear: r.fiscal_year }, owners: { company_hr: { companyId: r.company_id } } };
  },
  contract: async () => {
    const r = await one<{ id: number; organisation_id: number; company_id: number }>(
      sql`select id, organisation_id, company_id from ministry_contracts where organisation_id = 23 order by id limit 1`,
    );
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id }, company_hr: { companyId: r.company_id } } };
  },
  org_unit: async () => {
    const r = await one<{ id: number; unit_id: number; organisation_id: number }>(
      sql`select j.id, j.unit_id, u.organisation_id from licensing_jurisdictions j join org_units u on u.id = j.unit_id order by j.id limit 1`,
    );
    return { params: { id: r.unit_id, recordId: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id } } };
  },
  person_involvement: async () => {
    const r = await one<{ id: number; person_id: number; organisation_id: number }>(
      sql`select ci.id, ci.person_id, p.organisation_id from contract_involvements ci join people p on p.id = ci.person_id order by ci.id limit 1`,
    );
    return { params: { id: r.person_id, recordId: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id } } };
  },
  person_post: async () => {
    const r = await one<{ id: number; person_id: number; organisation_id: number }>(
      sql`select pa.id, pa.person_id, p.organisation_id from post_assignments pa join people p on p.id = pa.person_id where p.organisation_id = 23 order by pa.id limit 1`,
    );
    return {
      params: { id: r.person_id, postId: r.id },
      owners: { ministry_hr: { organisationId: r.organisation_id }, participant: { personId: r.person_id } },
    };
  },
  exchange_history: async () => {
    const r = await one<{ id: number; organisation_id: number; company_id: number }>(
      sql`select h.id, u.organisation_id, h.company_id from exchange_history h join org_units u on u.id = h.unit_id order by h.id limit 1`,
    );
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id }, company_hr: { companyId: r.company_id } } };
  },
  mail: async (role) => {
    const r = await one<{ id: number }>(sql`select id from mail_outbox where to_account_id = ${ownerAccounts[role].id}`);
    return { params: { id: r.id }, owners: { [role]: ownerAccounts[role].scope } };
  },
  case: async () => {
    const r = await one<{ id: number; organisation_id: number; company_id: number; person_id: number; interview: number; extension: number; doc: number }>(
      sql`select c.id, c.organisation_id, c.company_id, c.person_id,
            (select min(id) from case_interviews i where i.case_id = c.id) as interview,
            (select min(id) from case_extensions e where e.case_id = c.id) as extension,
            (select min(id) from case_documents d where d.case_id = c.id) as doc
          from exchange_cases c where c.id = 1`,
    );
    return {
      params: { id: r.id, interviewId: r.interview, extensionId: r.extension, docId: r.doc },
      owners: { ministry_hr: { organisationId: r.organisation_id }, company_hr: { companyId: r.company_id }, participant: { personId: r.person_id } },
    };
  },
  call_application: async () => {
    const r = await one<{ id: number; company_id: number }>(sql`select id, company_id from call_applications where status = 'submitted' order by id limit 1`);
    return { params: { id: r.id }, owners: { company_hr: { companyId: r.company_id } } };
  },
  consultation: async () => {
    const r = await one<{ id: number; organisation_id: number; company_id: number }>(sql`select id, organisation_id, company_id from consultations order by id limit 1`);
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id }, company_hr: { companyId: r.company_id } } };
  },
  inquiry: async () => {
    // A company asked about 経済産業省's sheet and both agreed to exchange contacts: both sides are parties.
    const r = await one<{ id: number; organisation_id: number; asker_company_id: number }>(
      sql`select i.id, s.organisation_id, i.asker_company_id from inquiries i join wish_sheets s on s.id = i.sheet_id
          where s.organisation_id = 23 and i.asker_company_id is not null and i.status = 'contact_exchanged' order by i.id limit 1`,
    );
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.organisation_id }, company_hr: { companyId: r.asker_company_id } } };
  },
  wish_sheet: async (role) => {
    const r = await one<{ id: number; organisation_id: number | null; company_id: number | null }>(
      role === 'company_hr'
        ? sql`select id, organisation_id, company_id from wish_sheets where company_id is not null and status = 'published' order by id limit 1`
        : sql`select id, organisation_id, company_id from wish_sheets where organisation_id = 23 and status = 'published' order by id limit 1`,
    );
    return {
      params: { id: r.id },
      owners: role === 'company_hr' ? { company_hr: { companyId: r.company_id! } } : { ministry_hr: { organisationId: r.organisation_id! } },
    };
  },
  event_registration: async () => {
    const r = await one<{ id: number; company_id: number }>(sql`select id, company_id from event_registrations where status = 'registered' order by id limit 1`);
    return { params: { id: r.id }, owners: { company_hr: { companyId: r.company_id } } };
  },
  matching_round: async (role) => {
    const r = await one<{ round_id: number; sheet_id: number; organisation_id: number | null; company_id: number | null }>(
      sql`select p.round_id, p.sheet_id, s.organisation_id, s.company_id from matching_participants p
          join matching_rounds r on r.id = p.round_id join wish_sheets s on s.id = p.sheet_id
          where r.status = 'ranking' and ${role === 'company_hr' ? sql`s.company_id is not null` : sql`s.organisation_id = 23`}
          order by p.sheet_id limit 1`,
    );
    return {
      params: { id: r.round_id, sheetId: r.sheet_id },
      owners: role === 'company_hr' ? { company_hr: { companyId: r.company_id! } } : { ministry_hr: { organisationId: r.organisation_id! } },
    };
  },
  survey_target: async (role) => {
    const r = await one<{ id: number; organisation_id: number | null; person_id: number | null }>(
      role === 'participant'
        ? sql`select id, organisation_id, person_id from survey_targets where person_id is not null and not submitted order by id limit 1`
        : sql`select id, organisation_id, person_id from survey_targets where organisation_id = 23 and not submitted order by id limit 1`,
    );
    return {
      params: { targetId: r.id },
      owners: role === 'participant' ? { participant: { personId: r.person_id! } } : { ministry_hr: { organisationId: r.organisation_id! } },
    };
  },
  dispatch: async () => {
    const r = await one<{ id: number; sending_organisation_id: number }>(
      sql`select id, sending_organisation_id from intl_dispatches where sending_organisation_id = 23 and state = 'active' order by id limit 1`,
    );
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.sending_organisation_id } } };
  },
  intl_consultation: async () => {
    const r = await one<{ id: number; sending_organisation_id: number }>(
      sql`select c.id, d.sending_organisation_id from intl_consultations c join intl_dispatches d on d.id = c.dispatch_id order by c.id limit 1`,
    );
    return { params: { id: r.id }, owners: { ministry_hr: { organisationId: r.sending_organisation_id } } };
  },
};

/** Hand-written bodies where the OpenAPI sample cannot pass validation (what B would send for its own record). */
const bodies: Record<string, (role: ScopedRole) => unknown> = {
  'PUT /api/wishes/:id': (role) =>
    role === 'company_hr'
      ? {
          version: 1,
          sheet: {
            kind: 'company', companyId: companyB, industryCode: 'G', prefectureCode: '13', title: '受入れ', wantedMinistries: ['meti'],
            hosts: [{ place: 'DX推進部', fields: ['digital'], duties: '分析', skills: ['SQL'], ageBands: ['30s'] }],
            sends: [{ fields: ['policy'], skills: ['クラウド'], ageBand: '30s', positionLevel: 'chief' }],
            periodMonths: { min: 12, max: 36 }, start: { from: '2026-07', to: '2027-03' }, notes: '',
          },
        }
      : {
          version: 1,
          sheet: {
            kind: 'ministry_dispatch', organisationCode: 'mod', title: '派遣', fields: ['digital'], industries: [], skills: ['分析'], ageBands: ['30s'],
            positionLevels: ['chief'], headcount: 1, periodMonths: { min: 12, max: 24 }, start: { from: '2026-10', to: '2027-04' }, notes: '',
          },
        },
  'PUT /api/exchanges/cases/:id/sheet': () => caseSheet,
};
let caseSheet: unknown;
/** Routes that take a non-JSON body: [content-type, payload]. */
const rawBodies: Record<string, [string, Buffer | string]> = {
  'POST /api/exchanges/cases/:id/input-sheet': ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK not a workbook')],
};

async function ownerSession(role: ScopedRole, scope: Record<string, number>): Promise<Session> {
  const key = `${role}:${JSON.stringify(scope)}`;
  let s = ownerSessions.get(key);
  if (!s) {
    const a = await createAccount(t, role as Role, scope);
    s = await login(t, a.email);
    ownerSessions.set(key, s);
  }
  return s;
}

const ownerAccountsSession = (role: ScopedRole) => ownerSessions.get(`${role}:${JSON.stringify(ownerAccounts[role].scope)}`)!;

const fill = (url: string, params: Record<string, string | number>) =>
  url.replace(/:(\w+)/g, (_m, name: string) => {
    if (params[name] == null) throw new Error(`no fixture for :${name} in ${url}`);
    return String(params[name]);
  });

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  companyB = await createCompany(t, '乙社株式会社');
  personB = await createPerson(t, ORG_B);
  other.ministry_hr = await login(t, (await createAccount(t, 'ministry_hr', { organisationId: ORG_B })).email);
  other.company_hr = await login(t, (await createAccount(t, 'company_hr', { companyId: companyB })).email);
  other.participant = await login(t, (await createAccount(t, 'participant', { personId: personB })).email);
  // Organisation A's accounts, with a mail addressed to each (the outbox has none in the demo).
  const scopes: Record<ScopedRole, Record<string, number>> = { ministry_hr: { organisationId: 23 }, company_hr: { companyId: 1 }, participant: { personId: 104 } };
  for (const role of ['ministry_hr', 'company_hr', 'participant'] as const) {
    const a = await createAccount(t, role, scopes[role]);
    ownerAccounts[role] = { id: a.id, scope: scopes[role] };
    ownerSessions.set(`${role}:${JSON.stringify(scopes[role])}`, await login(t, a.email));
    await t.db.db.execute(
      sql`insert into mail_outbox (dedupe_key, to_address, to_account_id, subject, body, kind) values (${`sec-${role}`}, ${a.email}, ${a.id}, '件名', '本文', 'test')`,
    );
  }
  // An extension request and a document on case 1 (the demo has none).
  await t.db.db.execute(sql`insert into case_extensions (case_id, requested_end, reason) values (1, '2028-03-31', '延長理由')`);
  await t.db.db.execute(
    sql`insert into case_documents (case_id, kind, version, filename, content_type, size_bytes, sha256, content)
        values (1, 'other', 1, 'a.txt', 'text/plain', 1, ${'0'.repeat(64)}, ${Buffer.from('a')})`,
  );
}, 180_000);
afterAll(async () => t?.close());

describe('classification of the routes by organisation scope', () => {
  it('every route with a record id that a scoped role can call is classified', () => {
    const unclassified = t.app.routeInventory.filter((r) => classify(r).scoped === 'unclassified').map((r) => `${r.method} ${r.url}`);
    expect(unclassified).toEqual([]);
    const inventory = new Set(t.app.routeInventory.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(routeScopes).filter((k) => !inventory.has(k))).toEqual([]); // no stale entries
  });

  it('organisation B owns none of the records the test uses', async () => {
    const r = await one<{ n: number }>(
      sql`select (select count(*) from exchange_cases where organisation_id = ${ORG_B} or company_id = ${companyB} or person_id = ${personB})
            + (select count(*) from wish_sheets where organisation_id = ${ORG_B} or company_id = ${companyB})
            + (select count(*) from intl_dispatches where sending_organisation_id = ${ORG_B})
            + (select count(*) from survey_targets where person_id = ${personB})
            + (select count(*) from inquiries where asker_organisation_id = ${ORG_B} or asker_company_id = ${companyB})
            + (select count(*) from consultations where organisation_id = ${ORG_B} or company_id = ${companyB}) as n`,
    );
    expect(Number(r.n)).toBe(0);
  });
});

type Case = { route: string; role: ScopedRole; url: string; method: string; shared?: string; owner?: Record<string, number> };
const cases: Case[] = [];
export const counts = { routes: 0, denied: 0, shared: 0, ownerReads: 0 };

describe('another organisation of the same role: 403/404, ja/en, no data, nothing written', () => {
  it('builds the cases from the inventory', async () => {
    for (const r of t.app.routeInventory) {
      const c = classify(r);
      if (c.scoped !== true) continue;
      counts.routes++;
      for (const role of scopedRolesFor(r.permission)) {
        const p = await pick[c.kind](role);
        cases.push({ route: `${r.method} ${r.url}`, role, method: r.method, url: fill(r.url, p.params), shared: c.shared?.[role], owner: p.owners[role] });
      }
    }
    expect(counts.routes).toBe(Object.values(routeScopes).filter((s) => s.scoped).length);
  });

  it('the owner of each record reads it (the fixtures are real)', async () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.method === 'GET' && x.owner)) {
      const s = await ownerSession(c.role, c.owner!);
      const res = await s.req('GET', c.url);
      counts.ownerReads++;
      if (res.statusCode !== 200) failures.push(`${c.route} as own ${c.role} ${c.url}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("organisation B's account is refused on every one of organisation A's records", async () => {
    const sample = await bodySamples(t);
    // The case's own sheet, as its ministry reads it: what a valid PUT would carry.
    const { prefill: p, version } = (await ownerAccountsSession('ministry_hr').req('GET', '/api/exchanges/cases/1/sheet')).json() as { prefill: Record<string, any>; version: number };
    const contact = { name: '人事 太郎', email: 'hr@example.go.jp', phone: '03-1234-5678' };
    caseSheet = {
      version,
      sheet: {
        ...p,
        person: { ...p.person, familyNameKana: 'タカハシ', givenNameKana: 'イチロウ', birthDate: '1990-05-01' },
        company: { ...p.company, division: p.company.division ?? '新規事業開発部' },
        duties: { purpose: '民間の経営手法の習得', description: '新規事業の企画', selectionReason: '政策立案の中核' },
        pay: { monthlySalaryYen: 450000, payer: p.direction === 'dispatch' ? 'company' : 'state' },
        hours: { workingHours: '9:00〜17:45', annualLeaveDays: 20 },
        welfare: {},
        constraints: p.direction === 'dispatch' ? { dispatchNoLobbying: true, dispatchConfidentiality: true, dispatchReturn: true } : { hireNoHomeCompanyBusiness: true, hireNoLicensingPost: true, hireNoPayFromHomeCompany: true },
        contacts: { ministry: contact, company: { ...contact, email: 'hr@example.co.jp' } },
      },
    };
    const before = await tableChecksums(t);
    const failures: string[] = [];
    for (const c of cases) {
      const s = other[c.role];
      const routeUrl = c.route.slice(c.route.indexOf(' ') + 1);
      const raw = rawBodies[c.route];
      const body = bodies[c.route]?.(c.role) ?? sample(c.method, routeUrl);
      const res = raw
        ? await t.app.inject({ method: c.method as 'POST', url: c.url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': raw[0] }, payload: raw[1] })
        : await s.req(c.method as 'GET', c.url, c.method === 'GET' ? undefined : body);
      if (c.shared) {
        counts.shared++;
        if (c.method === 'GET' && res.statusCode !== 200) failures.push(`${c.route} as other ${c.role} (shared: ${c.shared}): ${res.statusCode}`);
        continue;
      }
      counts.denied++;
      if (res.statusCode !== 403 && res.statusCode !== 404) {
        failures.push(`${c.route} as other ${c.role} ${c.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      } else if (!isBareError(res.body)) {
        failures.push(`${c.route} as other ${c.role}: body is more than the error: ${res.body.slice(0, 200)}`);
      }
    }
    const after = await tableChecksums(t);
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    console.log(`org scope: ${counts.routes} scoped routes, ${cases.length} route×role cases (${counts.denied} refused, ${counts.shared} shared by design), ${counts.ownerReads} owner reads`);
  }, 180_000);
});
