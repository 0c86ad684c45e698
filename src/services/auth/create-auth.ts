import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import { admin } from 'better-auth/plugins';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/client';
import * as schema from '../../db/schema';
import { enqueueEmail } from '../email/enqueue-email';
import { revokeFeedToken } from '../sessions/calendar-feed';
import { personNameHooks } from './person-name-hooks';
import { welcomeNewAccount } from './welcome-hook';
import { SESSION_EXPIRES_IN_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './look-up-request-session';

/** The header the Fastify bridge fills with the client IP Fastify resolved (never the client's own). */
export const CLIENT_IP_HEADER = 'x-roster-client-ip';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * The admin plugin's HTTP endpoints, switched off inside better-auth as well (the bridge already
 * refuses /api/auth/admin/*): Roster administers users through /api/admin/users, which audits.
 */
const UNUSED_ADMIN_ENDPOINTS = [
  'ban-user',
  'create-user',
  'get-user',
  'has-permission',
  'impersonate-user',
  'list-user-sessions',
  'list-users',
  'remove-user',
  'revoke-user-session',
  'revoke-user-sessions',
  'set-role',
  'set-user-password',
  'stop-impersonating',
  'unban-user',
  'update-user',
].map((name) => `/admin/${name}`);

/**
 * Accounts, password hashing, sessions and roles are better-auth's job. Roster adds:
 * roles ADMIN | COACH | CLIENT (sign-ups are CLIENTs), deactivation through the admin plugin's
 * `banned` flag, reset emails through the outbox, and rate limits stored in the database so
 * that several app instances share them.
 */
export function createAuth(db: Database, config: AppConfig) {
  const secure = config.baseUrl.startsWith('https://');
  return betterAuth({
    appName: 'Roster',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    disabledPaths: UNUSED_ADMIN_ENDPOINTS,
    secret: config.authSecret,
    trustedOrigins: config.trustedOrigins,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        rateLimit: schema.rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A new password ends the old calendar feed URL too (it may have leaked with the password).
      onPasswordReset: async ({ user }) => revokeFeedToken(db, user.id),
      sendResetPassword: async ({ user, url }) => {
        await enqueueEmail(db, {
          to: user.email,
          subject: 'Reset your Roster password',
          text: `Hello ${user.name},\n\nSomeone asked to reset the password of your Roster account. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this email; your password stays as it is.`,
          kind: 'password_reset',
        });
      },
    },
    socialProviders: config.google
      ? { google: { clientId: config.google.clientId, clientSecret: config.google.clientSecret } }
      : undefined,
    databaseHooks: {
      user: { ...personNameHooks.user, create: { ...personNameHooks.user.create, after: welcomeNewAccount(db) } },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.authRateLimitPerMinute },
        '/sign-up/email': { window: 60, max: config.authRateLimitPerMinute },
        '/request-password-reset': { window: 60, max: config.authRateLimitPerMinute },
        '/reset-password': { window: 60, max: config.authRateLimitPerMinute },
        '/change-password': { window: 60, max: config.authRateLimitPerMinute },
      },
    },
    advanced: {
      // Explicit, so the origin/CSRF checks also run under test (better-auth skips them there by default).
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const userId = ctx.context.session?.user.id;
        if (ctx.path === '/change-password' && userId && !isAPIError(ctx.context.returned)) {
          await revokeFeedToken(db, userId);
        }
      }),
    },
    plugins: [
      admin({
        defaultRole: 'CLIENT',
        adminRoles: ['ADMIN'],
        bannedUserMessage: 'This account has been deactivated. Please contact the studio.',
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
