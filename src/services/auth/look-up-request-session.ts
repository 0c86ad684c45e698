import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { getSessionCookie } from 'better-auth/cookies';
import type { Executor } from '../../db/client';
import { resolveSettings, type SettingValues } from '../../domain/settings/setting-definitions';
import { preparedStatement, type PreparedStatement } from '../../db/execute-prepared';

/** better-auth's session settings (create-auth.ts); a session within UPDATE_AGE of its start is not refreshed. */
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 30;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;

export interface SessionUserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  banned: boolean;
}

export interface RequestSessionLookup {
  /** The studio's settings, read in the same round trip (feature flags, time zone). */
  settings: SettingValues;
  /** The live session's user, or null (no cookie, bad signature, unknown or expired session). */
  user: SessionUserRow | null;
  /**
   * The session is old enough for better-auth to slide its expiry (once a day): the caller asks
   * better-auth's own getSession, which updates the row and re-issues the cookie.
   */
  refreshDue: boolean;
  /**
   * The studio's current waiver version (0: it asks for none) and the latest one this user
   * accepted, read in the same statement: the booking refuses a client without it at no extra cost.
   */
  waiver: RequestWaiver;
  /** The lookup's row, for a rider to read its own columns from (undefined without a rider). */
  riderRow?: Record<string, unknown>;
}

export interface RequestWaiver {
  current: number;
  accepted: number | null;
}

/**
 * The session token from better-auth's signed cookie (`token.signature`), if the signature is
 * valid. The cookie is found by better-auth's own helper; the signature is better-call's
 * (HMAC-SHA-256 of the token with the auth secret, base64), checked here with Node's synchronous
 * HMAC and a constant-time compare: WebCrypto's asynchronous verify, which better-auth uses, cost
 * 7% of the server's CPU under load. Tests sign in through better-auth and check that its cookies
 * pass and altered ones fail, so a change of format would be caught.
 */
export function verifiedSessionToken(cookieHeader: string | undefined, secret: string): string | null {
  if (!cookieHeader) return null;
  // A client sends the same Cookie header on every request: remember the ones already verified
  // (reading the header and the HMAC cost ~5% of the server's CPU under load). Only valid ones
  // are kept, so garbage cookies cannot fill it; the session itself is still looked up every time.
  const known = verifiedCookies.get(cookieHeader);
  if (known && known.secret === secret) return known.token;
  const token = verifyCookie(cookieHeader, secret);
  if (token) {
    if (verifiedCookies.size >= VERIFIED_COOKIES_KEPT) verifiedCookies.clear();
    verifiedCookies.set(cookieHeader, { secret, token });
  }
  return token;
}

const VERIFIED_COOKIES_KEPT = 10_000;
const verifiedCookies = new Map<string, { secret: string; token: string }>();

function verifyCookie(cookieHeader: string, secret: string): string | null {
  const value = getSessionCookie(new Headers({ cookie: cookieHeader }));
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/**
 * Rows a route reads in the same round trip as its caller's session (ADR 0028): scalar
 * subqueries, each `AS` a column, that may use `u.id` (the caller; null when nobody is signed in)
 * and their own placeholders. The lookup is the one statement every request runs anyway; a hot
 * read that rides along costs no second round trip.
 */
export interface LookupRider {
  /** Names the rider's statement (one compiled statement per rider). */
  key: string;
  columns: SQL;
}

const lookupSql = (rider?: LookupRider) => sql`
    SELECT st.settings, u.id, u.name, u.email, u.role, u.banned, u.waiver_version, s.expires_at,
      (SELECT CASE WHEN w.text = '' THEN 0 ELSE w.version END FROM waiver_versions w ORDER BY w.version DESC LIMIT 1) AS current_waiver
      ${rider ? sql`, ${rider.columns}` : sql``}
    FROM (SELECT COALESCE(json_agg(json_build_object('key', key, 'value', value)), '[]'::json) AS settings FROM system_settings) st
    LEFT JOIN (session s JOIN "user" u ON u.id = s.user_id)
      ON s.token = ${sql.placeholder('token')} AND s.expires_at > ${sql.placeholder('now')}::timestamptz`;

const lookupStatement = preparedStatement(() => lookupSql());
const riderStatements = new Map<string, PreparedStatement>();

function statementFor(rider: LookupRider | undefined): PreparedStatement {
  if (!rider) return lookupStatement;
  let statement = riderStatements.get(rider.key);
  if (!statement) {
    statement = preparedStatement(() => lookupSql(rider));
    riderStatements.set(rider.key, statement);
  }
  return statement;
}

/**
 * Who is calling and the studio settings, in ONE query: every authenticated request pays for
 * this, so it replaces better-auth's two lookups (session, then user) and the settings read.
 * It reads the same rows better-auth's getSession reads and is as immediate: a deactivated user
 * (banned, sessions deleted) or a signed-out session is refused on the very next request.
 */
export async function lookUpRequestSession(
  db: Executor,
  token: string | null,
  now: Date,
  ride?: { rider: LookupRider; values: Record<string, unknown> },
): Promise<RequestSessionLookup> {
  const result = await statementFor(ride?.rider)(db, { ...ride?.values, token, now: now.toISOString() });
  const row = (
    result as unknown as {
      rows: Array<
        SessionUserRow & {
          settings: unknown;
          expires_at: Date | string | null;
          waiver_version: number | null;
          current_waiver: number | null;
        }
      >;
    }
  ).rows[0];
  const stored: unknown = typeof row?.settings === 'string' ? JSON.parse(row.settings) : row?.settings;
  const settings = resolveSettings((stored ?? []) as Array<{ key: string; value: unknown }>);
  const waiver = {
    current: Number(row?.current_waiver ?? 0),
    accepted: row?.waiver_version === null || row?.waiver_version === undefined ? null : Number(row.waiver_version),
  };
  const riderRow = ride ? (row as Record<string, unknown> | undefined) : undefined;
  if (!row || row.id === null || row.id === undefined)
    return { settings, user: null, refreshDue: false, waiver, riderRow };
  const expiresAt = new Date(row.expires_at as string).getTime();
  const refreshDue = expiresAt - SESSION_EXPIRES_IN_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= now.getTime();
  return {
    settings,
    user: { id: row.id, name: row.name, email: row.email, role: row.role, banned: row.banned === true },
    refreshDue,
    waiver,
    riderRow,
  };
}
