import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

/**
 * Who may call each API route, written down by hand. Every registered /api route must appear
 * here: a new route without an entry fails this test, and so does a route whose behaviour
 * differs from its entry for an anonymous visitor, a client, a coach or an admin.
 *
 *   public   — anyone, signed in or not
 *   signedIn — any signed-in person (what they see is then their own)
 *   staff    — coaches and admins
 *   admin    — admins only
 */
type Level = 'public' | 'signedIn' | 'staff' | 'admin';

export const EXPECTED_ACCESS: Record<string, Level> = {
  // Foundation
  'GET /api/health': 'public',
  'GET /api/auth/*': 'public',
  'POST /api/auth/*': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/me': 'signedIn',
  // Outside /api (so not here): GET /manifest.webmanifest and /icons/*, public files for the browser,
  // checked in web-manifest.api.test.ts.
  'GET /api/settings/public': 'public',
  'GET /api/settings/sign-in-options': 'public',
  'GET /api/admin/settings': 'admin',
  'PUT /api/admin/settings/:key': 'admin',
  'GET /api/admin/users': 'admin',
  'GET /api/admin/users/:id': 'admin',
  'PATCH /api/admin/users/:id': 'admin',
  'POST /api/admin/users': 'admin',
  'PUT /api/admin/users/:id/details': 'admin',
  'POST /api/admin/users/:id/invite': 'admin',
  'POST /api/admin/users/:id/password-reset': 'admin',
  'GET /api/clients/:id/profile': 'staff',
  'PUT /api/clients/:id/profile': 'staff',
  'GET /api/me/profile': 'signedIn',
  'PUT /api/me/profile': 'signedIn',
  'GET /api/me/waiver': 'signedIn',
  'POST /api/me/waiver/accept': 'signedIn',
  'PUT /api/admin/waiver': 'admin',
  'GET /api/sessions/:id/roster-facts': 'staff',
  'GET /api/admin/audit-log': 'admin',
  'GET /api/admin/outbox': 'admin',
  'GET /api/staff': 'staff',
  'GET /api/me/notifications': 'signedIn',
  'POST /api/me/notifications/read': 'signedIn',
  'POST /api/me/notifications/seen': 'signedIn',
  // Group sessions
  'GET /api/class-types': 'signedIn',
  'POST /api/class-types': 'staff',
  'PATCH /api/class-types/:id': 'staff',
  'GET /api/sessions': 'signedIn',
  'GET /api/sessions/:id': 'signedIn',
  'POST /api/sessions': 'staff',
  'PATCH /api/sessions/:id': 'staff',
  'POST /api/sessions/:id/cancel': 'staff',
  'POST /api/schedules': 'staff',
  'POST /api/sessions/:id/registrations': 'signedIn',
  'DELETE /api/sessions/:id/registrations/me': 'signedIn',
  'POST /api/sessions/:id/desk-bookings': 'staff',
  'POST /api/registrations/:id/paid': 'staff',
  'DELETE /api/registrations/:id/paid': 'staff',
  'DELETE /api/registrations/:id': 'staff',
  'POST /api/sessions/:id/attendance': 'staff',
  'GET /api/me/registrations': 'signedIn',
  'GET /api/me/calendar-feed': 'signedIn',
  'POST /api/me/calendar-feed/reset': 'signedIn',
  'GET /api/me/calendar.ics': 'public',
  'GET /api/me/session-preferences': 'signedIn',
  'PUT /api/me/session-preferences': 'signedIn',
  'GET /api/admin/users/:id/registrations': 'staff',
  // Memberships and credits
  'GET /api/plans': 'signedIn',
  'POST /api/admin/plans': 'admin',
  'PATCH /api/admin/plans/:id': 'admin',
  'POST /api/admin/users/:id/memberships': 'admin',
  'GET /api/admin/users/:id/memberships': 'admin',
  'PATCH /api/admin/memberships/:id': 'admin',
  'PUT /api/admin/memberships/:id/pause': 'admin',
  'GET /api/me/membership': 'signedIn',
  'GET /api/me/credits': 'signedIn',
  'GET /api/me/credit-transactions': 'signedIn',
  'GET /api/admin/users/:id/credits': 'admin',
  'GET /api/admin/users/:id/credit-transactions': 'admin',
  'POST /api/admin/users/:id/credits': 'admin',
  'GET /api/members': 'staff',
  // Cohorts (resource rules — a coach only their cohorts — are tested in tests/cohorts/access.api.test.ts)
  'GET /api/cohort-types': 'staff',
  'POST /api/cohort-types': 'admin',
  'GET /api/cohorts': 'staff',
  'POST /api/cohorts': 'staff',
  'GET /api/cohorts/:id': 'staff',
  'PATCH /api/cohorts/:id': 'staff',
  'PUT /api/cohorts/:id/questionnaires/:week': 'staff',
  'POST /api/cohorts/:id/members': 'staff',
  'DELETE /api/cohorts/:id/members/:userId': 'staff',
  'PATCH /api/cohorts/:id/members/:userId': 'staff',
  'GET /api/cohorts/:id/members/:userId': 'staff',
  'GET /api/cohorts/:id/review-queue': 'staff',
  'PUT /api/cohorts/:id/members/:userId/feedback/:week': 'staff',
  'POST /api/cohorts/:id/members/:userId/notes': 'staff',
  'POST /api/cohorts/:id/nudges': 'staff',
  'GET /api/me/cohort': 'signedIn',
  'GET /api/me/check-in-prompts': 'signedIn',
  'GET /api/admin/users/:id/cohorts': 'admin',
  // Imports
  'POST /api/admin/import/teamup/dry-run': 'admin',
  'POST /api/admin/import/teamup/runs': 'admin',
  'GET /api/admin/import/teamup/runs/:id': 'admin',
  // Payments (ADR 0019). The webhook is public: its signature is the authentication.
  'POST /api/payments/checkout': 'signedIn',
  'POST /api/payments/webhooks/stripe': 'public',
  'GET /api/me/payments': 'signedIn',
  'GET /api/me/payments/:id': 'signedIn',
  'GET /api/me/billing': 'signedIn',
  'POST /api/me/billing/portal': 'signedIn',
  'GET /api/admin/payments': 'admin',
  'POST /api/admin/payments/manual': 'admin',
  'POST /api/admin/payments/:id/refunds': 'admin',
  'PUT /api/me/check-ins/:date': 'signedIn',
  'GET /api/me/check-ins': 'signedIn',
  'PUT /api/me/check-in-preferences': 'signedIn',
  'GET /api/me/questionnaires/:week': 'signedIn',
  'PUT /api/me/questionnaires/:week': 'signedIn',
  // 1-on-1 appointments (resource rules — a coach only their own availability, a client only their
  // own appointments — are tested in tests/appointments/appointments.api.test.ts)
  'GET /api/appointment-services': 'signedIn',
  'POST /api/admin/appointment-services': 'admin',
  'PATCH /api/admin/appointment-services/:id': 'admin',
  'GET /api/coaches/:id/availability': 'staff',
  'PUT /api/coaches/:id/availability/weekly': 'staff',
  'PUT /api/coaches/:id/availability/overrides/:date': 'staff',
  'DELETE /api/coaches/:id/availability/overrides/:date': 'staff',
  'POST /api/coaches/:id/time-off': 'staff',
  'DELETE /api/coaches/:id/time-off/:timeOffId': 'staff',
  'GET /api/appointments/slots': 'signedIn',
  'POST /api/appointments': 'signedIn',
  'GET /api/appointments/:id': 'signedIn',
  'PATCH /api/appointments/:id': 'signedIn',
  'POST /api/appointments/:id/cancel': 'signedIn',
  'POST /api/appointments/:id/move': 'staff',
  'POST /api/appointments/:id/attendance': 'staff',
  'GET /api/me/appointments': 'signedIn',
  'GET /api/admin/users/:id/appointments': 'staff',
  'GET /api/coaches/:id/calendar': 'staff',
  'GET /api/calendar': 'staff',
  // Web Push (outside /api: /sw.js, the service worker, a public file like the app's scripts)
  'GET /api/push/public-key': 'signedIn',
  'POST /api/me/push-subscriptions': 'signedIn',
  'DELETE /api/me/push-subscriptions': 'signedIn',
};

const ALLOWED: Record<Level, Array<'anonymous' | 'client' | 'coach' | 'admin'>> = {
  public: ['anonymous', 'client', 'coach', 'admin'],
  signedIn: ['client', 'coach', 'admin'],
  staff: ['coach', 'admin'],
  admin: ['admin'],
};

/** A concrete URL for a route pattern: every parameter becomes a well-formed id that does not exist. */
function concreteUrl(pattern: string): string {
  return pattern
    .replace(/:key/g, 'studio.name')
    .replace(/:week/g, '1')
    .replace(/:date/g, '2026-01-05')
    .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000')
    .replace('/api/auth/*', '/api/auth/get-session')
    .replace('/*', '/index.html');
}

let t: TestApp;
let people: Record<'client' | 'coach' | 'admin', TestUser>;

beforeAll(async () => {
  t = await createTestApp();
  people = {
    client: await createUser(t.app, 'CLIENT'),
    coach: await createUser(t.app, 'COACH'),
    admin: await createUser(t.app, 'ADMIN'),
  };
  // Off by default; every flagged route is checked switched off in the last test.
  await as(t.app, people.admin).put('/api/admin/settings/features.appointments.enabled', { value: true });
});
afterAll(async () => t.close());

describe('route access', () => {
  it('every registered API route has an expected access level', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !(key in EXPECTED_ACCESS));
    expect(missing, 'add these routes to EXPECTED_ACCESS').toEqual([]);
    const stale = Object.keys(EXPECTED_ACCESS).filter((key) => !registered.includes(key));
    expect(stale, 'these entries match no route').toEqual([]);
  });

  it('answers each kind of caller as expected: 401 anonymous, 403 wrong role, otherwise never 401/403/5xx', async () => {
    const failures: string[] = [];
    for (const route of t.app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const level = EXPECTED_ACCESS[key];
      if (!level || route.url.startsWith('/api/auth/') || route.url.startsWith('/api/docs')) continue;
      const url = concreteUrl(route.url);
      for (const who of ['anonymous', 'client', 'coach', 'admin'] as const) {
        const user = who === 'anonymous' ? null : people[who];
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const response = await as(t.app, user)[method](url, method === 'get' || method === 'delete' ? undefined : {});
        const allowed = ALLOWED[level].includes(who);
        const status = response.statusCode;
        const ok = allowed
          ? status !== 401 && status !== 403 && status < 500
          : status === (who === 'anonymous' ? 401 : 403);
        if (!ok) failures.push(`${key} as ${who}: ${status} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every feature-flagged route answers 404 FEATURE_DISABLED while its feature is off', async () => {
    const flagged = t.app.apiRoutes.filter((r) => r.feature);
    const failures: string[] = [];
    for (const feature of new Set(flagged.map((r) => r.feature!))) {
      const key = `features.${feature}.enabled`;
      const before = (await as(t.app, people.admin).get('/api/admin/settings'))
        .json()
        .settings.find((s: { key: string }) => s.key === key).value;
      await as(t.app, people.admin).put(`/api/admin/settings/${key}`, { value: false });
      for (const route of flagged.filter((r) => r.feature === feature)) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const response = await as(t.app, people.admin)[method](
          concreteUrl(route.url),
          method === 'get' || method === 'delete' ? undefined : {},
        );
        if (response.statusCode !== 404 || response.json().error?.code !== 'FEATURE_DISABLED') {
          failures.push(`${route.method} ${route.url}: ${response.statusCode} ${response.body.slice(0, 100)}`);
        }
      }
      await as(t.app, people.admin).put(`/api/admin/settings/${key}`, { value: before });
    }
    expect(failures).toEqual([]);
  });
});
