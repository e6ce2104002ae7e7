// Builds the Fastify app: platform hooks (request ids, sessions, permissions, CSRF, security
// headers, errors) and the domain modules. Tests build it and call app.inject().
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client.ts';
import type { Config } from './platform/config.ts';
import { AppError, errorBody, isAppError } from './platform/errors.ts';
import { bilingualValidatorCompiler } from './platform/validation.ts';
import { roleHas, type Permission } from './platform/permissions.ts';
import type { Actor, RequestContext } from './platform/context.ts';
import type { SessionResponse } from '../../common/src/schemas/auth.schema.ts';
import { isDbUnavailable, isStorageFull, isStorageUnavailable } from './platform/db-errors.ts';
import { sqlState } from './db/tx.ts';
import { rejectMalformedText } from './platform/validation.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { createServices, type Services } from './services.ts';
import { SESSION_COOKIE } from './modules/accounts/accounts.service.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { organisationsRoutes } from './modules/organisations/organisations.routes.ts';
import { companiesRoutes } from './modules/companies/companies.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { criteriaRoutes } from './modules/criteria/criteria.routes.ts';
import { criteriaDataRoutes } from './modules/criteria-data/criteria-data.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { exchangesRoutes } from './modules/exchanges/exchanges.routes.ts';
import { plannerRoutes } from './modules/exchanges/planner.routes.ts';
import { publicCallRoutes } from './modules/public-call/public-call.routes.ts';
import { inquiriesRoutes } from './modules/inquiries/inquiries.routes.ts';
import { wishesRoutes } from './modules/wishes/wishes.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { suggestionsRoutes } from './modules/suggestions/suggestions.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { publishedStatisticsRoutes } from './modules/statistics/published.routes.ts';
import { publicPrivateRoutes } from './modules/statistics/records.routes.ts';
import { annualReportRoutes } from './modules/statistics/report/report.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { internationalRoutes } from './modules/international/international.routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: who may call it (deny by default). */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    sessionView: SessionResponse | null;
    ctx: RequestContext;
  }
  interface FastifyInstance {
    services: Services;
    database: Database;
    /** `schema`: the route's zod schemas (body, params, querystring), for the fuzz tests. */
    routeInventory: { method: string; url: string; permission: Permission; schema?: FastifySchema }[];
    /** Shutdown (main.ts): from now on every answer carries `Connection: close`. */
    startDraining: () => void;
  }
}

export type AppOptions = { config: Config; database: Database; logger?: boolean | object };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Request lines are logged without their query string: a search (`?q=`) may hold a person's name.
    logger: logger === false ? false : { level: config.logLevel, ...(typeof logger === 'object' ? logger : {}), serializers: { req: logRequest } },
    bodyLimit: config.bodyLimitBytes,
    // Trust exactly one proxy hop: the client's own X-Forwarded-For entries are not believed.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // While closing, a request that reaches a kept-alive connection is still served (with
    // `Connection: close`, below), not refused with 503: a proxy does not retry a non-idempotent
    // request that got an answer, so a 503 would be a lost write. New connections are refused and
    // idle ones closed (Node's server.close()), which a proxy retries on another instance.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(bilingualValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices(database, config);
  app.decorate('services', services);
  app.decorate('database', database);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionView', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  // Deny by default: a route without a declared permission cannot be registered.
  const inventory: FastifyInstance['routeInventory'] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json' || !route.url.startsWith('/api')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
    for (const m of [route.method].flat()) if (m !== 'HEAD') inventory.push({ method: m, url: route.url, permission, schema: route.schema });
  });
  app.decorate('routeInventory', inventory);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'koryu API',
        version: '0.1.0',
        description: '官民人事交流・国際機関派遣の業務システム koryu の API / API of koryu, the personnel-exchange platform',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Authentication, CSRF and the route's permission are decided before the body is parsed or
  // validated, so an unauthorised caller learns nothing from validation messages.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.ctx = { actor: null, requestId: req.id, ip: req.ip };
    const routeUrl = req.routeOptions.url;
    if (!routeUrl?.startsWith('/api/') || routeUrl.startsWith('/api/docs') || routeUrl === '/api/openapi.json') return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await services.accounts.resolveSession(token);
      if (resolved) {
        req.actor = resolved.actor;
        req.sessionId = resolved.sessionId;
        req.csrfToken = resolved.csrfToken;
        req.sessionView = resolved.view;
        req.ctx = { actor: resolved.actor, requestId: req.id, ip: req.ip };
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    const permission = req.routeOptions.config?.permission;
    if (!permission) throw new AppError('forbidden');
    if (UNSAFE.has(req.method)) checkCsrf(req);
    if (permission === 'public') return;
    if (!req.actor) throw new AppError('unauthenticated');
    if (!roleHas(req.actor.role, permission)) throw new AppError('forbidden');
  });

  // Text PostgreSQL cannot store (U+0000, lone surrogates) is refused before any handler runs.
  app.addHook('preValidation', async (req) => {
    rejectMalformedText({ body: req.body, query: req.query, params: req.params });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(reply, req.protocol === 'https');
    // Anything that did not choose its own caching (static files and public reference data do)
    // is not stored: API answers may hold personal data, whatever spelling the URL used.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Graceful shutdown: once draining (main.ts, on SIGTERM) or closing, answers carry
  // `Connection: close`, so a kept-alive connection ends after its answer (never while the client
  // may be sending on it); once closing, kept-alive sockets are also closed as soon as they fall
  // idle, so in-flight requests finish and the process can exit.
  let closing = false;
  let idleSweep: NodeJS.Timeout | undefined;
  app.decorate('startDraining', () => {
    closing = true;
  });
  app.addHook('preClose', async () => {
    closing = true;
    idleSweep = setInterval(() => app.server.closeIdleConnections(), 50);
  });
  app.addHook('onClose', async () => clearInterval(idleSweep));
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err: redactedError(err) }, 'request failed');
    else req.log.info({ code: appErr.code }, 'request refused');
    if (appErr.retryAfterSeconds) reply.header('retry-after', String(appErr.retryAfterSeconds));
    void reply.status(appErr.status).header('cache-control', 'no-store').send(errorBody(appErr, req.id));
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(accountsRoutes);
  await app.register(organisationsRoutes);
  await app.register(companiesRoutes);
  await app.register(auditRoutes);
  await app.register(dashboardRoutes);
  await app.register(peopleRoutes);
  await app.register(criteriaDataRoutes);
  await app.register(criteriaRoutes);
  await app.register(mailRoutes);
  await app.register(exchangesRoutes);
  await app.register(plannerRoutes);
  await app.register(publicCallRoutes);
  await app.register(inquiriesRoutes);
  await app.register(wishesRoutes);
  await app.register(eventsRoutes);
  await app.register(suggestionsRoutes);
  await app.register(matchingRoutes);
  await app.register(knowledgeRoutes);
  await app.register(publishedStatisticsRoutes);
  await app.register(publicPrivateRoutes);
  await app.register(annualReportRoutes);
  await app.register(surveysRoutes);
  await app.register(internationalRoutes);

  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // preCompressed: the build writes .br/.gz beside each text file (scripts/vite-precompress.ts).
    // Files under assets/ carry a content hash in their name: cached for a year, never revalidated.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        if (filePath.startsWith(path.join(config.webDist, 'assets') + path.sep)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !fs.existsSync(indexHtml) || req.method !== 'GET') {
      void reply.status(404).send(errorBody(new AppError('not_found'), req.id));
      return;
    }
    // The web app routes on the client: every other GET gets the app shell.
    void reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
  });

  return app;
}

/**
 * What a request's log line says about it: never the query string (a search may hold a name), and
 * the path only of a declared route (ids and slugs); a path no route declares, or the web app's
 * catch-all, is logged as its route pattern, since whatever was typed there could be personal data.
 */
function logRequest(req: FastifyRequest) {
  const route = req.routeOptions?.url;
  const url = route && !route.includes('*') ? req.url.split('?')[0] : (route ?? '(no route)');
  return { method: req.method, url, route, host: req.hostname, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

function checkCsrf(req: FastifyRequest): void {
  // Cross-site form posts cannot set a JSON content type or custom header; a foreign Origin is refused.
  const origin = req.headers.origin;
  if (origin) {
    const host = req.host; // honours X-Forwarded-Host only from a trusted proxy
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw new AppError('csrf_failed');
  }
  if (req.sessionId) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== req.csrfToken) throw new AppError('csrf_failed');
  }
}

/** What a failed request logs: never the query's bound parameters (they may hold password hashes). */
function redactedError(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; stack?: string; cause?: { message?: string } };
  const strip = (m: string | undefined) => m?.split('\nparams:')[0];
  return {
    type: e?.name,
    message: strip(e?.message),
    sqlState: sqlState(err),
    cause: strip(e?.cause?.message),
    stack: e?.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).join('\n'),
  };
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as { code?: string; statusCode?: number; validation?: unknown };
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type');
  if (e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return new AppError('bad_json');
  if (err instanceof SyntaxError && e?.statusCode === 400) return new AppError('bad_json');
  if (e?.validation) return new AppError('validation_failed');
  if (isDbUnavailable(err)) return new AppError('db_unavailable');
  if (isStorageFull(err)) return new AppError('storage_full');
  if (isStorageUnavailable(err)) return new AppError('storage_unavailable');
  const state = sqlState(err);
  if (state === '23505') return new AppError('duplicate');
  // Text PostgreSQL cannot store (NUL, bad encoding) or a value out of range: the input is bad.
  if (state === '22021' || state === '22P05' || state === '22P02' || state === '22003' || state === '22007' || state === '22008') {
    return new AppError('validation_failed');
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 404) return new AppError('not_found');
    if (e.statusCode === 413) return new AppError('payload_too_large');
    if (e.statusCode === 415) return new AppError('unsupported_media_type');
    return new AppError('validation_failed');
  }
  return new AppError('internal');
}
