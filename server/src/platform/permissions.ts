// Route-level permissions as data (deny by default). Every route declares one in its config;
// a route without one is refused at startup (see app.ts) and by the route-inventory test.
// Record-level scoping (own organisation / own company / own person) lives in each module's policy.
import type { Role } from './context.ts';

export const permissions = [
  'public', // no login
  'authenticated', // any active account
  'organisations:read',
  'companies:read',
  'companies:write',
  'companies:import',
  'companies:approve',
  'people:read',
  'people:write',
  'accounts:manage',
  'audit:read',
  'reference:read',
  'criteria:evaluate', // stateless 交流基準 evaluation of a facts document the caller supplies
  'criteria:check', // checks and screening on stored records (reads personal data)
  'criteria_data:read', // the stored facts the 交流基準 need (sales, contracts, sanctions, jurisdiction, …)
  'criteria_data:write', // record-level scope: modules/criteria-data/criteria-data.policy.ts
  'criteria_data:import', // bulk import of contract totals
  'public_call:apply', // 公募への応募: a company applies, sees and withdraws its own applications
  'public_call:review', // 応募の審査: the NPA accepts or returns applications
  'roster:read', // 名簿: accepted applicants, with their contact
  'exchanges:read', // exchange cases, scoped by modules/exchanges/exchanges.policy.ts
  'exchanges:write', // workflow steps, plan changes, thread, documents, follow-up
  'exchanges:settings', // a ministry's exchange settings (follow-up interview interval)
  'consultations:use', // 事前相談: record-level scope in modules/public-call/public-call.policy.ts
  'mail:read', // 送信メール (outbox): NPA every mail, others the mails addressed to them (modules/mail)
  'wishes:write', // 交流希望シート: own organisation's / own company's sheets (modules/wishes/wishes.policy.ts)
  'wishes:suggest', // matching suggestions for a sheet (scope: own sheets; NPA and center any)
  'interested_companies:read', // 官民人事交流に関心が高い企業の一覧
  'inquiries:use', // 問合せ: ask about a sheet, answer about one's own, agree to exchange contacts
  'inquiries:manage', // the contact window (center): sees every inquiry, forwards, closes
  'events:register', // 説明会: a company registers its staff
  'events:manage', // 説明会: create events and sessions, record attendance and contact exchanges
  'matching:rank', // a matching round: rank the other side's sheets (own sheets only)
  'matching:manage', // a matching round: create, run, publish the proposals and report
  'knowledge:edit', // the public knowledge pages (Q&A, overview, tips, …), with history
  'statistics:import', // 公表数値の取込み: published statistics figures (NPA)
  'statistics:read', // 記録に基づく統計 (public-private statistics from case records, NPA): aggregates only
  'surveys:manage', // アンケート: definitions, rounds, targets, opening and closing, raw answers of identified rounds (NPA)
  'surveys:answer', // アンケートへの回答: the respondent's own surveys (ministry HR for its organisation, participants)
  'surveys:results', // アンケートの集計: results, gap analysis, exports and report (NPA)
  'international:register', // 派遣法による派遣の登録・協議の提出 (ministry HR: own organisation; NPA: all) and reading the international side
  'international:manage', // 派遣先機関の一覧、協議への回答、研修・フェローシップ・来訪・ネットワーク (NPA)
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  npa: [
    'authenticated',
    'organisations:read',
    'reference:read',
    'companies:read',
    'companies:write',
    'companies:import',
    'companies:approve',
    'people:read',
    'people:write',
    'accounts:manage',
    'audit:read',
    'criteria:evaluate',
    'criteria:check',
    'criteria_data:read',
    'criteria_data:write',
    'criteria_data:import',
    'public_call:review',
    'roster:read',
    'consultations:use',
    'exchanges:read',
    'exchanges:write',
    'exchanges:settings',
    'mail:read',
    'wishes:write',
    'wishes:suggest',
    'interested_companies:read',
    'inquiries:manage',
    'events:manage',
    'matching:manage',
    'knowledge:edit',
    'statistics:import',
    'statistics:read',
    'surveys:manage',
    'surveys:results',
    'international:register',
    'international:manage',
  ],
  center: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'criteria:evaluate', 'criteria_data:read', 'roster:read', 'exchanges:read', 'mail:read', 'wishes:suggest', 'interested_companies:read', 'inquiries:manage', 'events:manage', 'matching:manage', 'knowledge:edit'],
  ministry_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'people:read', 'people:write', 'criteria:evaluate', 'criteria:check', 'criteria_data:read', 'criteria_data:write', 'criteria_data:import', 'roster:read', 'consultations:use', 'exchanges:read', 'exchanges:write', 'exchanges:settings', 'mail:read', 'wishes:write', 'wishes:suggest', 'interested_companies:read', 'inquiries:use', 'matching:rank', 'surveys:answer', 'international:register'],
  company_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'companies:write', 'people:read', 'people:write', 'criteria:evaluate', 'criteria_data:read', 'criteria_data:write', 'public_call:apply', 'consultations:use', 'exchanges:read', 'exchanges:write', 'mail:read', 'wishes:write', 'wishes:suggest', 'inquiries:use', 'events:register', 'matching:rank'],
  participant: ['authenticated', 'organisations:read', 'reference:read', 'people:read', 'exchanges:read', 'mail:read', 'surveys:answer'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}

export const grantsTable = grants;
