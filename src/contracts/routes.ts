import type { z } from 'zod';
import {
  adminSettingList,
  healthView,
  markReadBody,
  markReadResult,
  markSeenBody,
  markSeenResult,
  meView,
  notificationList,
  publicSettings,
  settingBody,
  settingChanged,
  settingKeyParam,
  signInOptions,
  staffList,
} from './account';
import {
  auditLogPage,
  auditLogQuery,
  outboxPage,
  outboxQuery,
  userChangeBody,
  userSearchQuery,
  userSearchResult,
  userSummary,
  emailSent,
  inviteUserBody,
  personDetailsBody,
} from './admin';
import { appointmentRoutes } from './appointment-routes';
import { idParam } from './common';
import { cohortRoutes } from './cohort-routes';
import { creditRoutes } from './credit-routes';
import { peopleRoutes } from './people-routes';
import { importRoutes } from './import-routes';
import { paymentRoutes } from './payment-routes';
import { pushRoutes } from './push-routes';
import { sessionRoutes } from './session-routes';

/**
 * Every JSON route of the API by `METHOD /path`: the schemas of its path params, query string,
 * body and success response. The server's routes use these very schema objects (a test checks
 * it), and the web's client (`src/web/lib/api.ts`) types each call from them, so a response
 * shape changed here breaks the web build where it is read.
 */
export interface RouteContract {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body (200; or 201 or 202 when that is the only success). */
  response: z.ZodType;
  /** A route answering 200 and 201 with different bodies: the 201 one. */
  created?: z.ZodType;
}

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

const accountRoutes = {
  'GET /api/health': { response: healthView },
  'GET /api/me': { response: meView },
  'GET /api/staff': { response: staffList },
  'GET /api/settings/public': { response: publicSettings },
  'GET /api/settings/sign-in-options': { response: signInOptions },
  'GET /api/admin/settings': { response: adminSettingList },
  'PUT /api/admin/settings/:key': { params: settingKeyParam, body: settingBody, response: settingChanged },
  'GET /api/me/notifications': { response: notificationList },
  'POST /api/me/notifications/read': { body: markReadBody, response: markReadResult },
  'POST /api/me/notifications/seen': { body: markSeenBody, response: markSeenResult },
  'GET /api/admin/users': { query: userSearchQuery, response: userSearchResult },
  'GET /api/admin/users/:id': { params: idParam, response: userSummary },
  'PATCH /api/admin/users/:id': { params: idParam, body: userChangeBody, response: userSummary },
  'POST /api/admin/users': { body: inviteUserBody, response: userSummary },
  'PUT /api/admin/users/:id/details': { params: idParam, body: personDetailsBody, response: userSummary },
  'POST /api/admin/users/:id/invite': { params: idParam, response: emailSent },
  'POST /api/admin/users/:id/password-reset': { params: idParam, response: emailSent },
  'GET /api/admin/audit-log': { query: auditLogQuery, response: auditLogPage },
  'GET /api/admin/outbox': { query: outboxQuery, response: outboxPage },
} satisfies Record<RouteKey, RouteContract>;

export const apiContract = {
  ...accountRoutes,
  ...sessionRoutes,
  ...creditRoutes,
  ...peopleRoutes,
  ...cohortRoutes,
  ...importRoutes,
  ...appointmentRoutes,
  ...paymentRoutes,
  ...pushRoutes,
} satisfies Record<RouteKey, RouteContract>;

export type ApiContract = typeof apiContract;
