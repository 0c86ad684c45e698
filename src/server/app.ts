import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config';
import type { DatabaseHandle } from '../db/client';
import { logDatabaseOutagesTo } from '../db/database-availability';
import { createAuth } from '../services/auth/create-auth';
import { manualProvider } from '../services/payments/manual-provider';
import { createStripeProvider } from '../services/payments/stripe-provider';
import { secretRedactingLogOptions } from './logging/redact-secrets';
import { registerAccessControl } from './plugins/access';
import { registerAuthRoutes } from './plugins/auth-bridge';
import { registerCsrfProtection } from './plugins/csrf';
import { registerErrorHandling } from './plugins/errors';
import { registerInputGuard } from './plugins/input-guard';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebApp } from './plugins/web-app';
import { apiRoutes } from './routes';
import type { AppDeps } from './types';

export interface BuildAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  /** Tests pass a movable clock. */
  now?: () => Date;
  logger?: boolean;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: { write(line: string): void };
  /** Tests shorten the HTTP timeouts (HTTP_TIMEOUTS). */
  httpTimeouts?: Partial<typeof HTTP_TIMEOUTS>;
}

/*
 * A slow or stalled client must not hold a connection (and a file descriptor) open for ever:
 * the whole request (headers and body, at most 1 MB) must arrive within 30 s, its headers within
 * 15 s; an idle kept-alive connection closes after 65 s (longer than the usual proxies' 60 s, so
 * a proxy never reuses a connection the server is closing); a socket silent for 75 s closes.
 * Node enforces the request and header timeouts on a periodic check, every 5 s here.
 */
export const HTTP_TIMEOUTS = {
  requestMs: 30_000,
  headersMs: 15_000,
  keepAliveMs: 65_000,
  idleSocketMs: 75_000,
  checkEveryMs: 5_000,
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const timeouts = { ...HTTP_TIMEOUTS, ...options.httpTimeouts };
  const app = Fastify({
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleSocketMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...secretRedactingLogOptions,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  logDatabaseOutagesTo(app.log); // one line per outage (database-availability.ts)
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    auth: createAuth(database.db, config),
    config,
    payments: config.stripe ? createStripeProvider(config.stripe) : manualProvider,
    now: options.now ?? (() => new Date()),
  };
  app.decorate('deps', deps);
  // JSON only: a cross-site HTML form can send text/plain, never application/json.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // First, so that even a request refused by a later hook carries the headers.
  registerSecurityHeaders(app, config.baseUrl);
  registerErrorHandling(app);
  registerInputGuard(app);
  registerCsrfProtection(app, config.trustedOrigins);
  registerAccessControl(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Roster API',
        version: '0.1.0',
        description:
          'JSON API of Roster. Sign in through /api/auth/sign-in/email; the session cookie authenticates every other call. Errors are `{ "error": { "code", "message" } }`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthRoutes(app);
  for (const routes of apiRoutes) await app.register(routes);
  await registerWebApp(app);
  return app;
}
