import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  // Cookies get `Secure` when the request arrived over TLS (directly or via a trusted proxy).
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  webDist: string;
  bodyLimitBytes: number;
  dbPoolSize: number;
  // Test and training environments only: a file holding the date koryu takes as "today" (see platform/clock.ts).
  clockFile: string | undefined;
  // Mail (modules/mail): an SMTP server URL (smtp://host:port, smtps://user:pass@host); without one,
  // mails are held in the outbox and shown on its page. The sender address of every mail.
  smtpUrl: string | undefined;
  mailFrom: string;
  // Minutes between reminder runs inside the server (0 = off; `koryu reminders run` does one by hand).
  // Fractions are allowed (0.05 = every 3 s, for tests and benchmarks).
  reminderIntervalMinutes: number;
  // SIGTERM/SIGINT: at most how long kept-alive connections are left to end after their next answer
  // (new connections are refused at once), then how long requests in flight may take to finish
  // before their connections are cut.
  shutdownDrainMs: number;
  shutdownGraceMs: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.KORYU_DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.KORYU_TRUST_PROXY === '1',
    sessionIdleMinutes: Number(env.KORYU_SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.KORYU_SESSION_ABSOLUTE_HOURS ?? 12),
    webDist: path.resolve(env.KORYU_WEB_DIST ?? 'web/dist'),
    bodyLimitBytes: Number(env.KORYU_BODY_LIMIT ?? 1_048_576),
    dbPoolSize: Number(env.KORYU_DB_POOL ?? 10),
    clockFile: env.KORYU_CLOCK_FILE || undefined,
    smtpUrl: env.KORYU_SMTP_URL || undefined,
    mailFrom: env.KORYU_MAIL_FROM || 'koryu <no-reply@koryu.invalid>',
    reminderIntervalMinutes: Number(env.KORYU_REMINDER_MINUTES ?? 60),
    shutdownDrainMs: Number(env.KORYU_SHUTDOWN_DRAIN_MS ?? 1_000),
    shutdownGraceMs: Number(env.KORYU_SHUTDOWN_GRACE_MS ?? 10_000),
  };
}
