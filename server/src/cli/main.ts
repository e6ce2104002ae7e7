// The `koryu` command line. Run `koryu help` for the list.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../db/client.ts';
import { tableOrder } from '../db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { roles, systemContext, type RequestContext } from '../platform/context.ts';
import { createServices } from '../services.ts';
import { sqlState } from '../db/tx.ts';
import { fieldMessages } from '../../../common/src/messages.ts';
import { normalizeCorporateNumber } from '../../../common/src/corporate-number.ts';
import { verifyAudit, writeAudit } from '../platform/audit.ts';
import { inTransaction } from '../db/tx.ts';
import { backup, restore, tableRows } from '../platform/backup/backup.ts';
import { importCompanies, ImportRejected } from '../modules/companies/companies.import.ts';
import { importContracts } from '../modules/criteria-data/contracts.import.ts';
import { startServer } from '../main.ts';
import { loadDemo, demoLogins } from './demo.ts';
import { progressBar } from './progress.ts';
import { criteriaEvaluate } from './criteria.ts';
import { runReminders } from '../modules/exchanges/reminders.runner.ts';
import { createClock } from '../platform/clock.ts';
import { statsCommand, STATS_HELP } from '../modules/statistics/stats.cli.ts';
import { reportCommand, REPORT_HELP } from '../modules/statistics/report/report.cli.ts';

const HELP = `koryu — 官民人事交流・国際機関派遣の業務システム / personnel-exchange platform

Usage: koryu <command> [options]

  start [--demo]                 migrate and serve (PORT, default 3000); --demo loads demo data if empty
  db migrate                     apply pending migrations
  demo load [--scale demo|national] [--seed N]
                                 generate deterministic demo (or national-scale) data and demo logins
  import companies FILE          import companies from .csv or .xlsx (all-or-nothing, row report)
  import contracts FILE          import contract totals (府省等, 法人番号, 年度, 契約額) from .csv or .xlsx
  export TABLE [--format csv|json] [--out FILE]
                                 export a table (companies, organisations, org_units, people, post_assignments,
                                 the criteria facts tables, audit_log)
  backup FILE                    write every table to FILE (gzip'd JSON lines, one consistent snapshot)
  restore FILE                   replace every table with FILE's contents (one transaction)
  account create --email E --name N --role R [--organisation CODE | --company 法人番号 | --person ID]
                                 create an account (password from KORYU_PASSWORD or --password-stdin),
                                 e.g. the first NPA administrator of a new installation
  criteria evaluate FILE.json [--json] [--lang ja|en|both]
                                 evaluate the exchange criteria (交流基準) on a facts document;
                                 exit 0 eligible, 1 ineligible, 3 needs review, 2 bad document
  audit verify [--checkpoints F]  check the audit trail's hash chain (and saved checkpoints)
  audit checkpoint FILE          append the chain's head to FILE (keep it outside the database)
  reminders run [--today YYYY-MM-DD]
                                 write the exchange reminders due today to the mail outbox and deliver
                                 it (KORYU_SMTP_URL; without it the mails are held in the outbox)
${STATS_HELP}
${REPORT_HELP}

Database: DATABASE_URL=postgres://… for a PostgreSQL server; otherwise embedded PGlite in
KORYU_DATA_DIR (default ./data).`;

const exportable = [
  'companies',
  'organisations',
  'org_units',
  'people',
  'post_assignments',
  'company_sales',
  'ministry_contracts',
  'contract_involvements',
  'company_sanctions',
  'licensing_jurisdictions',
  'exchange_history',
  'division_revenue',
  'audit_log',
] as const;
const personalTables = new Set(['people', 'post_assignments', 'contract_involvements', 'exchange_history', 'audit_log']);

async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const cliContext = (): RequestContext => ({ ...systemContext(`cli-${process.pid}-${Date.now()}`), ip: 'cli' });

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;

    case 'criteria': {
      if (sub !== 'evaluate' || !rest[0]) break;
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'both' } },
      });
      const lang = values.lang === 'ja' || values.lang === 'en' ? values.lang : 'both';
      return criteriaEvaluate(path.resolve(positionals[0]!), { json: values.json, lang });
    }

    case 'start': {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } }, allowPositionals: false });
      const config = loadConfig();
      await startServer(config, {
        onReady: async ({ url, database }) => {
          if (values.demo) {
            const result = await loadDemo(database, { scale: 'demo', seed: 42, ifEmpty: true });
            if (result.loaded) console.log(`demo data loaded: ${JSON.stringify(result.counts)}`);
          }
          console.log(`\nkoryu is running at ${url}  (${database.describe})`);
          if (values.demo) {
            console.log('\nDemo logins (password for all: ' + demoLogins.password + '):');
            for (const l of demoLogins.accounts) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
          }
          console.log('\nPress Ctrl+C to stop.');
        },
      });
      return -1; // keep running
    }

    case 'db':
      if (sub !== 'migrate') break;
      await withDb(async (d) => {
        const r = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
        console.log(`migrations applied: ${r[0]?.n ?? 0} (${d.describe})`);
      });
      return 0;

    case 'demo': {
      if (sub !== 'load') break;
      const { values } = parseArgs({
        args: rest,
        options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '42' } },
      });
      const scale = values.scale === 'national' ? 'national' : 'demo';
      await withDb(async (d) => {
        const r = await loadDemo(d, { scale, seed: Number(values.seed), ifEmpty: false });
        console.log(`loaded (${scale}, seed ${values.seed}): ${JSON.stringify(r.counts)}`);
        console.log(`demo logins (password ${demoLogins.password}): ${demoLogins.accounts.map((a) => a.email).join(', ')}`);
      });
      return 0;
    }

    case 'import': {
      if ((sub !== 'companies' && sub !== 'contracts') || !rest[0]) break;
      const file = path.resolve(rest[0]);
      if (!fs.existsSync(file)) {
        console.error(`ファイルがありません / no such file: ${file}`);
        return 2;
      }
      return withDb(async (d) => {
        const bars = { read: progressBar('読込 read    '), validate: progressBar('検証 validate'), write: progressBar('書込 write   ') };
        let phase = null as keyof typeof bars | null;
        try {
          const r = await (sub === 'contracts' ? importContracts : importCompanies)(d, file, cliContext(), (p, done, total) => {
            if (phase && phase !== p) bars[phase].done();
            phase = p;
            bars[p].update(done, total);
          });
          if (phase) bars[phase].done();
          console.log(`取込完了 imported: ${r.rows} rows (${r.inserted} new, ${r.updated} updated)`);
          return 0;
        } catch (err) {
          if (phase) bars[phase].done();
          if (err instanceof ImportRejected) {
            console.error(`${err.messages.ja}\n${err.messages.en}\n`);
            console.error('row\tcolumn\tcode\treason (ja)\treason (en)');
            for (const e of err.rowErrors) console.error(`${e.row}\t${e.column}\t${e.code}\t${e.message.ja}\t${e.message.en}`);
            console.error(`\n${err.rowErrors.length} error(s); nothing was written.`);
            return 1;
          }
          throw err;
        }
      });
    }

    case 'stats': {
      const code = await statsCommand(sub, rest, withDb, cliContext);
      if (code === null) break;
      return code;
    }

    case 'report': {
      const code = await reportCommand(sub, rest, withDb, cliContext);
      if (code === null) break;
      return code;
    }

    case 'export': {
      const table = sub as (typeof exportable)[number] | undefined;
      if (!table || !exportable.includes(table)) break;
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } } });
      return withDb(async (d) => {
        const out = values.out ? fs.createWriteStream(values.out) : process.stdout;
        const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
        let rows = 0;
        let cols: string[] | null = null;
        if (values.format === 'json') await write('[');
        for await (const batch of tableRows(d.db, table)) {
          for (const j of batch) {
            if (values.format === 'json') {
              await write(`${rows ? ',' : ''}\n${j}`);
            } else {
              const r = JSON.parse(j) as Record<string, unknown>;
              if (!cols) {
                cols = Object.keys(r);
                await write(`\uFEFF${cols.join(',')}\n`);
              }
              await write(`${cols.map((c) => csvCell(r[c])).join(',')}\n`);
            }
            rows++;
          }
        }
        if (values.format === 'json') await write('\n]\n');
        if (values.out) await new Promise((r) => (out as fs.WriteStream).end(r));
        if (personalTables.has(table)) {
          await inTransaction(d.db, (tx) =>
            writeAudit(tx, cliContext(), { action: `${table}.export`, recordType: table, after: { rows, format: values.format, out: values.out ?? 'stdout' } }),
          );
        }
        if (values.out) console.error(`exported ${rows} rows to ${values.out}`);
        return 0;
      });
    }

    case 'backup':
    case 'restore': {
      if (!sub) break;
      const file = path.resolve(sub);
      return withDb(async (d) => {
        const bar = progressBar(cmd === 'backup' ? 'backup ' : 'restore');
        const counts =
          cmd === 'backup' ? await backup(d, file, (_t, n) => bar.update(n, n)) : await restore(d, file, (_t, n) => bar.update(n, n), cliContext());
        bar.done();
        console.log(`${cmd} ${file}: ${tableOrder.map((t) => `${t}=${counts[t] ?? 0}`).join(' ')}`);
        return 0;
      });
    }

    case 'account': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          organisation: { type: 'string' },
          company: { type: 'string' },
          person: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
      const role = roles.find((r) => r === values.role);
      const personOk = values.person === undefined || /^[1-9][0-9]{0,15}$/.test(values.person);
      if (!values.email || !values.name || !role || !personOk) {
        console.error('usage: koryu account create --email E --name NAME --role npa|center|ministry_hr|company_hr|participant [--organisation CODE] [--company 法人番号] [--person ID] [--password-stdin]');
        return 2;
      }
      // The password never goes on the command line (it would sit in the shell history and `ps`).
      const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : process.env.KORYU_PASSWORD;
      if (!password || password.length < 12) {
        console.error(`${fieldMessages['password.too_short'].ja}\n${fieldMessages['password.too_short'].en} (KORYU_PASSWORD or --password-stdin)`);
        return 2;
      }
      return withDb(async (d) => {
        const services = createServices(d, loadConfig());
        const orgs = await services.organisations.list();
        const org = values.organisation ? orgs.find((o) => o.code === values.organisation || o.nameJa === values.organisation) : undefined;
        if (values.organisation && !org) {
          console.error(`府省等が見つかりません / unknown organisation: ${values.organisation}`);
          return 2;
        }
        const company = values.company ? await services.companies.findForRegistrationInTx(d.db, normalizeCorporateNumber(values.company)) : undefined;
        if (values.company && !company) {
          console.error(`法人番号が登録されていません / no company with corporate number ${values.company}`);
          return 2;
        }
        try {
          const a = await services.accounts.createAccount(
            {
              email: values.email!,
              displayName: values.name!,
              password,
              role,
              organisationId: org?.id ?? null,
              companyId: company?.id ?? null,
              personId: values.person ? Number(values.person) : null,
            },
            cliContext(),
          );
          console.log(`account ${a.id} created: ${a.email} (${a.role})`);
          return 0;
        } catch (err) {
          if (sqlState(err) === '23514') {
            console.error('この役割には所属が必要です / this role needs its scope: --organisation for npa, center and ministry_hr; --company for company_hr; --person for participant');
            return 2;
          }
          if (sqlState(err) === '23503') {
            console.error(`指定した人物が存在しません / no person with id ${values.person}`);
            return 2;
          }
          if (sqlState(err) === '23505') {
            console.error(`このメールアドレスは既に登録されています / e-mail already registered: ${values.email}`);
            return 2;
          }
          throw err;
        }
      });
    }

    case 'reminders': {
      if (sub !== 'run') break;
      const { values } = parseArgs({ args: rest, options: { today: { type: 'string' } } });
      const realDate = (v: string) => {
        const t = Date.parse(`${v}T00:00:00Z`);
        return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
      };
      if (values.today !== undefined && !realDate(values.today)) {
        console.error('--today は YYYY-MM-DD で指定してください / --today must be YYYY-MM-DD');
        return 2;
      }
      const config = loadConfig();
      return withDb(async (d) => {
        const today = values.today ?? createClock(config.clockFile).today();
        const r = await runReminders(d, config, today);
        console.log(
          `通知 reminders ${today}: due ${r.due}, written ${r.written}, already written ${r.alreadyWritten}` +
            ` ${JSON.stringify(r.byKind)}; delivery: sent ${r.delivery.sent}, retrying ${r.delivery.retrying}, failed ${r.delivery.failed}, held ${r.delivery.held}`,
        );
        return 0;
      });
    }

    case 'audit': {
      if (sub !== 'verify' && sub !== 'checkpoint') break;
      const { values, positionals } = parseArgs({ args: rest, options: { checkpoints: { type: 'string' } }, allowPositionals: true });
      return withDb(async (d) => {
        if (sub === 'checkpoint') {
          const file = positionals[0];
          if (!file) return 2;
          const r = await verifyAudit(d.db);
          if (!r.ok) {
            console.error(`監査証跡の改ざんを検出 / audit trail BROKEN at id ${r.brokenAtId} (${r.reason}): no checkpoint written`);
            return 1;
          }
          fs.appendFileSync(file, `${JSON.stringify({ id: r.headId, hash: r.head, at: new Date().toISOString() })}\n`);
          console.log(`checkpoint ${r.headId} ${r.head} appended to ${file}`);
          return 0;
        }
        const checkpoints = values.checkpoints
          ? fs
              .readFileSync(values.checkpoints, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as { id: number; hash: string })
          : [];
        const r = await verifyAudit(d.db, 5000, checkpoints);
        if (r.ok) {
          console.log(
            `監査証跡は正常です / audit trail intact: ${r.rows} rows, head ${r.headId} ${r.head.slice(0, 16)}…` +
              (checkpoints.length ? `, ${checkpoints.length} checkpoint(s) matched` : ''),
          );
          return 0;
        }
        console.error(`監査証跡の改ざんを検出 / audit trail BROKEN at id ${r.brokenAtId} (${r.reason}) after ${r.rows} good rows`);
        return 1;
      });
    }
  }
  console.error(`unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

const isMain = process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain || process.env.KORYU_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      // A failed query's message lists its bound values (a password hash, personal data): cut them.
      console.error(err instanceof Error ? err.message.split('\nparams:')[0] : err);
      process.exit(1);
    },
  );
}
