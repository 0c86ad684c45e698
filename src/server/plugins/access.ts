import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { access, decideAccess, type AccessRule } from '../../domain/access/policy';
import { isRole, type Actor } from '../../domain/access/roles';
import { DomainError } from '../../domain/shared/domain-error';
import { isFeatureEnabled, type Feature } from '../../domain/settings/setting-definitions';
import {
  lookUpRequestSession,
  verifiedSessionToken,
  type RequestSessionLookup,
  type SessionUserRow,
} from '../../services/auth/look-up-request-session';
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

/**
 * The caller, from the session the lookup found. Once a day a session is due for better-auth's
 * sliding refresh: then better-auth's own getSession runs (it extends the row) and its new cookie
 * is passed on. A deactivated user is nobody.
 */
async function resolveActor(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  lookup: RequestSessionLookup,
): Promise<Actor | null> {
  let user = lookup.user;
  if (user && lookup.refreshDue) user = await refreshSession(app, request, reply);
  if (!user || user.banned || !isRole(user.role)) return null;
  request.sessionUser = { id: user.id, name: user.name, email: user.email };
  return { id: user.id, role: user.role };
}

async function refreshSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionUserRow | null> {
  const { headers, response } = await app.deps.auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  if (!response) return null;
  const user = response.user as typeof response.user & { role?: string; banned?: boolean | null };
  return { id: user.id, name: user.name, email: user.email, role: user.role ?? '', banned: user.banned === true };
}

/**
 * Enforces, for every /api route: its feature flag (404 FEATURE_DISABLED while off) and its
 * access rule (401/403). A route registered under /api without a rule stops the app from
 * starting, so none can slip through unguarded.
 */
export function registerAccessControl(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('settings', null);
  app.decorateRequest('waiver', null);
  app.decorateRequest('rode', null);

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
    const needsActor = config.access.kind !== 'public';
    if (!needsActor && !config.feature) return;
    // One round trip for the caller's session, user and the studio settings (feature flags).
    const token = needsActor ? verifiedSessionToken(request.headers.cookie, app.deps.config.authSecret) : null;
    // Nobody signed in: the route will answer 401, so nothing rides along.
    const ride = token ? rideOf(app, request) : undefined;
    const lookup = await lookUpRequestSession(app.deps.db, token, new Date(), ride);
    if (ride) request.rode = { values: ride.values, row: lookup.riderRow };
    request.settings = lookup.settings;
    request.waiver = lookup.waiver;
    if (config.feature && !isFeatureEnabled(lookup.settings, config.feature)) {
      return sendError(reply, 404, 'FEATURE_DISABLED', `This studio has turned off ${config.feature}`);
    }
    if (!needsActor) return;
    request.actor = await resolveActor(app, request, reply, lookup);
    const decision = decideAccess(request.actor, config.access);
    if (decision === 'UNAUTHENTICATED') return sendError(reply, 401, 'UNAUTHENTICATED', 'Please sign in');
    if (decision === 'FORBIDDEN') return sendError(reply, 403, 'FORBIDDEN', 'You do not have permission to do that');
  });
}

/** The route's lookup rider with this request's values, when it has one and the request gives them. */
function rideOf(app: FastifyInstance, request: FastifyRequest) {
  const lookupRider = request.routeOptions.config.lookupRider;
  const values = lookupRider?.values(request, app.deps.now());
  return lookupRider && values ? { rider: lookupRider.rider, values } : undefined;
}

/** For handlers of routes that are not public: the actor the access hook resolved. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
  return request.actor;
}
