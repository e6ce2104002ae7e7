import type { FastifyReply } from 'fastify';

// Same-origin app: scripts, styles, fonts and images only from ourselves. Swagger UI (/api/docs)
// needs inline styles, which this CSP allows for styles only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(reply: FastifyReply, tls: boolean): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  // Browsers ignore HSTS over plain http, so it is always sent; behind TLS it pins https.
  reply.header('strict-transport-security', `max-age=63072000; includeSubDomains${tls ? '; preload' : ''}`);
}
