// Reads config, opens the database, migrates, listens; shuts down gracefully on SIGTERM/SIGINT.
import net from 'node:net';
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
          // One line per run (hourly); with several instances on one database only the one holding
          // the reminders lock runs them, the others log a skipped tick at debug level.
          onRun: (r) => app.log.info({ reminders: r }, 'reminders run'),
          onSkip: () => app.log.debug('reminders tick skipped: another instance runs them'),
          onError: (err) => app.log.error({ err: err instanceof Error ? err.message.split('\nparams:')[0] : String(err) }, 'reminders run failed'),
        })
      : null;

  // Graceful shutdown (SIGTERM/SIGINT, or `close()`), for instances behind a proxy such as nginx:
  //  1. the listening socket closes: a new connection is refused, which a proxy retries on another
  //     instance (it never sent the request); no new reminder run starts, a run in progress goes on;
  //  2. drain (at most KORYU_SHUTDOWN_DRAIN_MS): kept-alive connections stay open and every answer
  //     carries `Connection: close` (app.ts), so the proxy's pooled connections end after an answer
  //     rather than being cut while it may be writing a request into one (a POST cut that way is
  //     not retried by nginx: a lost write); it ends early once no connection is left. The proxy
  //     should close its idle pooled connections sooner than this (nginx: `keepalive_timeout 500ms`
  //     in the upstream block), so no connection is left for step 3 to cut while being written to;
  //  3. the connections still idle are closed and the requests in flight answered, within
  //     KORYU_SHUTDOWN_GRACE_MS, after which their connections are cut; then the database closes.
  // A second signal ends the process at once.
  let closing: Promise<void> | null = null;
  const connections = () => new Promise<number>((resolve) => app.server.getConnections((err, n) => resolve(err ? 0 : n)));
  const close = () =>
    (closing ??= (async () => {
      clearInterval(prune);
      const jobsStopped = reminders?.stop(); // no new run; a run in progress finishes
      app.startDraining();
      // Not http.Server#close: that also closes the idle kept-alive connections at once (step 3).
      net.Server.prototype.close.call(app.server);
      const drainEnd = performance.now() + config.shutdownDrainMs;
      while (performance.now() < drainEnd && (await connections()) > 0) await new Promise((r) => setTimeout(r, 20));
      const appClosed = app.close();
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace over'>((resolve) => (graceTimer = setTimeout(() => resolve('grace over'), config.shutdownGraceMs)));
      if ((await Promise.race([appClosed, graceOver])) === 'grace over') {
        app.log.warn({ graceMs: config.shutdownGraceMs }, 'shutdown grace period over: closing the connections of unfinished requests');
        app.server.closeAllConnections();
        await appClosed;
      }
      clearTimeout(graceTimer);
      await jobsStopped;
      await database.close();
    })());
  const running = { url, close, database };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      const t0 = performance.now();
      app.log.info({ signal: sig, drainMs: config.shutdownDrainMs, graceMs: config.shutdownGraceMs }, 'shutting down: finishing in-flight requests');
      void close().then(
        () => {
          app.log.info({ shutdownMs: Math.round(performance.now() - t0) }, 'shut down');
          process.exit(0);
        },
        (err: unknown) => {
          app.log.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  await opts.onReady?.(running);
  return running;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  startServer().catch((err) => {
    // A data folder that cannot be used is the operator's to fix: its ja/en message, without a stack.
    console.error(err instanceof Error && (err.name === 'DataDirUnwritable' || err.name === 'DataDirLocked') ? err.message : err);
    process.exit(1);
  });
}
