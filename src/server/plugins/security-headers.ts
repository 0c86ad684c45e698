import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every response (helmet). The policy fits what Roster serves: the SPA and
 * Swagger UI load only their own scripts and styles (no inline scripts), images may be data: URIs
 * (the favicon, Swagger's icons), and Google sign-in is a top-level redirect, which CSP does not
 * restrict. `style-src 'unsafe-inline'` stays: Radix dialogs inject a <style> element to lock
 * scrolling, and Swagger UI sets style attributes.
 *
 * Referrer-Policy is `same-origin`, not `no-referrer`: under `no-referrer` a browser sends
 * `Origin: null` on the app's own POSTs, which the CSRF check refuses; `same-origin` still keeps
 * the reset-password page's token from leaking to any other site.
 *
 * HSTS and upgrade-insecure-requests only when BASE_URL is https: on a plain-http local try-out
 * they would send the browser to an https port nobody listens on.
 */
export function registerSecurityHeaders(app: FastifyInstance, baseUrl: string) {
  const https = baseUrl.startsWith('https://');
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/**
 * The headers helmet sets for these options, worked out once. The policy has no per-request part
 * (no CSP nonces), and @fastify/helmet rebuilt helmet's middleware on every request: that cost
 * ≈ 0.04 ms of CPU a request, 8% of the booking bench (0.35 → 0.39 × pgbench without it).
 */
function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const recorded: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      recorded[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete recorded[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let refused = false;
  helmet(options)({} as IncomingMessage, response, (error?: unknown) => {
    refused = error !== undefined && error !== null;
  });
  if (refused) throw new Error('helmet refused the security header options');
  return recorded;
}
