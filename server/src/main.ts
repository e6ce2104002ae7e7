// Reads config, opens the database, migrates, listens; shuts down gracefully on SIGTERM/SIGINT.
import { warmRecordsCache } from './modules/statistics/records.service.ts';
import { buildApp } from './app.ts';
import { openDatabase, type Database } from './db/client.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { scheduleReminders } from './modules/exchanges/reminders.runner.ts';
import { seedKnowledgePages } from './modules/knowledge/knowledge.seed.ts';
import { seedPublishedStatistics } from './modules/statistics/published.service.ts';

export type Running = { url: string; close: () => Promise<void>; database: Database };

export async function startServer(config: Config = loadConfig(), opts: { onReady?: (r: Running) => Promise<void> | void } = {}): Promise<Running> {
  const t0 = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    await database.migrate();
    // The public knowledge pages (Q&A, overview, welfare table, criteria summary, …) must not be
    // empty on a fresh installation, demo or not: insert the content pages that are missing
    // (never overwriting an edited or unpublished page; modules/knowledge/knowledge.seed.ts).
    await seedKnowledgePages(database);
    // The published statistics history (資料8, the 2024 industry table, …; modules/statistics/published/*.json):
    // inserts only the figures that are missing, so a fresh database reproduces the publications exactly.
    await seedPublishedStatistics(database);
    app = await buildApp({ config, database });
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // e.g. the port is taken: release the database (and the data folder's lock) before failing.
    await database.close().catch(() => {});
    throw err;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  app.log.info({ database: database.describe, startupMs: Math.round(performance.now() - t0) }, 'koryu listening');
  if (config.clockFile) app.log.warn({ clockFile: config.clockFile, today: app.services.clock.today() }, 'KORYU_CLOCK_FILE is set: "today" comes from this file (test and training environments only)');

  // The public-private statistics cube is read once in the background, so the first statistics page
  // view does not wait for it (seconds at national scale; modules/statistics/records.service.ts).
  warmRecordsCache(database.db, (err) => app.log.warn({ err }, 'statistics cube warm-up failed'));
  // The latest survey rounds' results likewise (modules/surveys/surveys.service.ts, results cache).
  void app.services.surveys.warmResults().catch((err: unknown) => app.log.warn({ err }, 'survey results warm-up failed'));

  // Expired sessions and old login attempts are pruned in the background.
  const prune = setInterval(() => void app.services.accounts.pruneExpired().catch(() => {}), 10 * 60_000);
  prune.unref();
  // Exchange reminders (mails to the outbox, then delivery) every hour; KORYU_REMINDER_MINUTES=0 turns them off.
  const reminders =
    config.reminderIntervalMinutes > 0
      ? scheduleReminders(database, config, {
          intervalMinutes: config.reminderIntervalMinutes,
          today: () => app.services.clock.today(),
          onRun: (r) => {
            if (r.written > 0 || r.delivery.sent + r.delivery.retrying + r.delivery.failed + r.delivery.held > 0) app.log.info({ reminders: r }, 'reminders run');
          },
          onError: (err) => app.log.error({ err: err instanceof Error ? err.message.split('\nparams:')[0] : String(err) }, 'reminders run failed'),
        })
      : null;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(prune);
      await reminders?.stop(); // a run in progress finishes before the database closes
      await app.close(); // stops accepting, lets in-flight requests finish
      await database.close();
    })());
  const running = { url, close, database };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      app.log.info({ signal: sig }, 'shutting down: finishing in-flight requests');
      void close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await opts.onReady?.(running);
  return running;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  startServer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
