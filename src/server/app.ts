import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config';
import type { DatabaseHandle } from '../db/client';
import { createAuth } from '../services/auth/create-auth';
import { secretRedactingLogOptions } from './logging/redact-secrets';
import { registerAccessControl } from './plugins/access';
import { registerAuthRoutes } from './plugins/auth-bridge';
import { registerCsrfProtection } from './plugins/csrf';
import { registerErrorHandling } from './plugins/errors';
import { registerInputGuard } from './plugins/input-guard';
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
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
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
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    auth: createAuth(database.db, config),
    config,
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

  registerErrorHandling(app);
  registerInputGuard(app);
  registerCsrfProtection(app, [config.baseUrl]);
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
