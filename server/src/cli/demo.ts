// `koryu demo load` and `koryu start --demo`: deterministic data from the generator plus one
// login per role. The generator lives in bench/generator (it also makes the national dataset).
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { accounts, companies, organisations, people } from '../db/schema.ts';
import { createServices } from '../services.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext } from '../platform/context.ts';
import { loadScale } from '../../../bench/generator/load.ts';
import { loadDemoCriteria } from './demo-criteria.ts';
import { loadDemoExchanges } from './demo-exchanges.ts';
import { loadDemoInquiries } from './demo-inquiries.ts';
import { loadDemoPublicCall } from './demo-public-call.ts';
import { loadDemoWishes } from './demo-wishes.ts';
import { loadDemoEvents } from './demo-events.ts';
import { loadDemoKnowledge } from './demo-knowledge.ts';
import { loadDemoMatching } from './demo-matching.ts';
import { loadDemoSurveys } from './demo-surveys.ts';
import { loadDemoInternational } from './demo-international.ts';
import type { Role } from '../platform/context.ts';

export const demoLogins = {
  password: 'koryu-demo-2026',
  accounts: [
    { role: 'npa', email: 'npa@demo.koryu.jp', displayName: '人事院 企画課 担当者', org: '人事院' },
    { role: 'center', email: 'center@demo.koryu.jp', displayName: '官民人材交流センター 担当者', org: '内閣府' },
    { role: 'ministry_hr', email: 'meti-hr@demo.koryu.jp', displayName: '経済産業省 秘書課 人事担当', org: '経済産業省' },
    { role: 'company_hr', email: 'company-hr@demo.koryu.jp', displayName: '企業 人事部 担当者', org: null },
    { role: 'participant', email: 'participant@demo.koryu.jp', displayName: '交流派遣 経験者', org: '経済産業省' },
  ] as { role: Role; email: string; displayName: string; org: string | null }[],
};

export async function loadDemo(
  database: Database,
  opts: { scale: 'demo' | 'national'; seed: number; ifEmpty: boolean },
): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const { db } = database;
  const existing = Number((await db.select({ n: count() }).from(companies))[0]?.n ?? 0);
  let counts: Record<string, number> = {};
  if (existing === 0) {
    counts = await loadScale(database, { scale: opts.scale, seed: opts.seed });
  } else if (!opts.ifEmpty) {
    throw new Error(`the database already holds ${existing} companies: demo data is loaded only into an empty database`);
  }
  const services = createServices(database, loadConfig());
  const ctx = { ...systemContext('demo-load'), ip: 'cli' };
  let created = 0;
  for (const a of demoLogins.accounts) {
    const has = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, a.email)).limit(1);
    if (has.length) continue;
    const org = a.org ? (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, a.org)).limit(1))[0] : undefined;
    const company = a.role === 'company_hr' ? (await db.select({ id: companies.id }).from(companies).where(eq(companies.status, 'active')).orderBy(asc(companies.id)).limit(1))[0] : undefined;
    const person =
      a.role === 'participant' && org
        ? (await db.select({ id: people.id }).from(people).where(eq(people.organisationId, org.id)).orderBy(asc(people.id)).limit(1))[0]
        : undefined;
    await services.accounts.createAccount(
      {
        email: a.email,
        displayName: a.displayName,
        password: demoLogins.password,
        role: a.role,
        organisationId: a.role === 'participant' || a.role === 'company_hr' ? null : (org?.id ?? null),
        companyId: company?.id ?? null,
        personId: person?.id ?? null,
      },
      ctx,
    );
    created++;
  }
  // Facts for the 交流基準 around the demo participant (once; see demo-criteria.ts).
  const criteriaFacts = await loadDemoCriteria(database);
  // Applications to the public call and a consultation (once; see demo-public-call.ts).
  const callApplications = await loadDemoPublicCall(database);
  // Exchange cases in several states and the people the browser test walks (once; see demo-exchanges.ts).
  const exchangeCases = await loadDemoExchanges(database);
  // Information sessions: the seed's FY2025 event with its figures, and an upcoming one (once; see demo-events.ts).
  const infoEvents = await loadDemoEvents(database);
  // Wish sheets of ministries and companies, published (once; see demo-wishes.ts).
  const wishSheets = await loadDemoWishes(database);
  // Inquiries through the contact window in several states; needs published wish sheets, so it
  // runs after the wishes demo (once; see demo-inquiries.ts).
  const inquiryThreads = await loadDemoInquiries(database);
  // Matching rounds over the published sheets: one collecting rankings, one run (once; see demo-matching.ts).
  const matchingRounds = await loadDemoMatching(database);
  // The knowledge pages from the seed documents (if missing; see demo-knowledge.ts).
  const knowledgePages = await loadDemoKnowledge(database);
  // Survey rounds: the 2023 ministry and participant surveys closed with generated answers, and open ones (once; see demo-surveys.ts).
  const surveyRounds = await loadDemoSurveys(database);
  // The international side: host organisations, dispatches (one crossing 5 years, consultations), seminars, a fellowship cohort, delegations, network events (once; see demo-international.ts).
  const internationalDispatches = await loadDemoInternational(database);
  return { loaded: existing === 0, counts: { ...counts, demoAccounts: created, demoCriteriaFacts: criteriaFacts ? 1 : 0, demoCallApplications: callApplications, demoExchangeCases: exchangeCases, demoInfoEvents: infoEvents, demoInquiries: inquiryThreads, demoWishSheets: wishSheets, demoMatchingRounds: matchingRounds, demoKnowledgePages: knowledgePages, demoSurveyRounds: surveyRounds, demoInternationalDispatches: internationalDispatches } };
}
