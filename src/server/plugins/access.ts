import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { access, decideAccess, type AccessRule } from '../../domain/access/policy';
import { isRole, type Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { isFeatureEnabled, type Feature } from '../../domain/settings/setting-definitions';
import { loadSettings } from '../../services/settings/settings-service';
import { sendError } from './errors';

export interface ApiRouteInfo {
  method: string;
  url: string;
  access: AccessRule;
  feature?: Feature;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared rule (the route-access test walks this list). */
    apiRoutes: ApiRouteInfo[];
  }
}

/** Resolves who is calling from the better-auth session cookie; a deactivated user is nobody. */
async function resolveActor(app: FastifyInstance, request: FastifyRequest): Promise<Actor | null> {
  if (!request.headers.cookie && !request.headers.authorization) return null;
  const session = await app.deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; banned?: boolean | null };
  if (user.banned || !isRole(user.role)) return null;
  request.sessionUser = { id: user.id, name: user.name, email: user.email };
  return { id: user.id, role: user.role };
}

/**
 * Enforces, for every /api route: its feature flag (404 FEATURE_DISABLED while off) and its
 * access rule (401/403). A route registered under /api without a rule stops the app from
 * starting, so none can slip through unguarded.
 */
export function registerAccessControl(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);

  app.decorate('apiRoutes', [] as ApiRouteInfo[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    route.config ??= {};
    // The OpenAPI docs are public by design.
    if (route.url.startsWith('/api/docs')) route.config.access ??= access.public;
    if (!route.config.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.apiRoutes.push({ method, url: route.url, access: route.config.access, feature: route.config.feature });
    }
  });

  // onRequest, not preHandler: who may call a route is settled before its body is even parsed,
  // so an anonymous caller gets 401 rather than a validation error that reveals the schema.
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!request.routeOptions.url?.startsWith('/api') || !config.access) return;
    if (config.feature) {
      const settings = await loadSettings(app.deps.db);
      if (!isFeatureEnabled(settings, config.feature)) {
        return sendError(reply, 404, 'FEATURE_DISABLED', `This studio has turned off ${config.feature}`);
      }
    }
    if (config.access.kind === 'public') {
      return;
    }
    request.actor = await resolveActor(app, request);
    const decision = decideAccess(request.actor, config.access);
    if (decision === 'UNAUTHENTICATED') return sendError(reply, 401, 'UNAUTHENTICATED', 'Please sign in');
    if (decision === 'FORBIDDEN') return sendError(reply, 403, 'FORBIDDEN', 'You do not have permission to do that');
  });
}

/** For handlers of routes that are not public: the actor the access hook resolved. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
  return request.actor;
}
