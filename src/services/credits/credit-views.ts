import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { creditGrants, creditTransactions, memberships, membershipPlans, users } from '../../db/schema';
import { describeLedgerEntry } from '../../domain/credits/describe-ledger-entry';
import type { GrantSource, LedgerKind } from '../../domain/credits/plan-types';
import { studioWeeksFrom } from '../../domain/time/studio-week';
import { loadSettings } from '../settings/settings-service';

export interface AvailableGrant {
  grantId: string;
  remaining: number;
  amount: number;
  validFrom: Date;
  validUntil: Date | null;
  source: GrantSource;
  planName: string | null;
  /** The studio week a weekly grant belongs to (its Monday), null for packs and adjustments. */
  weekStart: string | null;
  /** True while the membership is paused: these credits cannot be booked with for now. */
  onHold: boolean;
}

/** The credits a client still has for classes from now on, soonest to expire first. */
export async function availableCredits(db: Database, userId: string, now: Date) {
  const rows = await db
    .select({
      grantId: creditGrants.id,
      remaining: creditGrants.remaining,
      amount: creditGrants.amount,
      validFrom: creditGrants.validFrom,
      validUntil: creditGrants.validUntil,
      source: creditGrants.source,
      planName: membershipPlans.name,
      weekStart: creditGrants.weekStart,
      status: memberships.status,
    })
    .from(creditGrants)
    .leftJoin(memberships, eq(memberships.id, creditGrants.membershipId))
    .leftJoin(membershipPlans, eq(membershipPlans.id, memberships.planId))
    .where(
      and(
        eq(creditGrants.userId, userId),
        gt(creditGrants.remaining, 0),
        or(isNull(creditGrants.validUntil), gt(creditGrants.validUntil, now)),
      ),
    )
    .orderBy(sql`${creditGrants.validUntil} ASC NULLS LAST`, asc(creditGrants.createdAt), asc(creditGrants.id));
  const { 'studio.timezone': timeZone } = await loadSettings(db);
  const [thisWeek, nextWeek] = studioWeeksFrom(now, timeZone, 1);
  const all: AvailableGrant[] = rows.map(({ status, ...r }) => ({
    ...r,
    source: r.source,
    onHold: status === 'PAUSED',
  }));
  // Only credits the client can book with now are "available"; a paused membership's are listed apart.
  const available = all.filter((g) => !g.onHold);
  // Credits that can pay for a class in a week: window overlaps the (rest of the) week.
  const usableIn = (from: Date, until: Date) =>
    available
      .filter((g) => g.validFrom < until && (g.validUntil === null || g.validUntil > from))
      .reduce((s, g) => s + g.remaining, 0);
  return {
    available,
    onHold: all.filter((g) => g.onHold),
    totalUpcoming: available.reduce((s, g) => s + g.remaining, 0),
    currentWeekStart: thisWeek!.weekStart,
    thisWeek: usableIn(now, thisWeek!.endsAt),
    nextWeek: usableIn(nextWeek!.startsAt, nextWeek!.endsAt),
  };
}

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  amount: number;
  reasonCode: string;
  description: string;
  /** The row in plain words, e.g. "HIIT Mon 06:30 booked". */
  label: string;
  /** Null for a COMP line (no credit moved). */
  grantId: string | null;
  registrationId: string | null;
  sessionId: string | null;
  actorName: string | null;
  createdAt: Date;
}

/** A client's ledger, newest first, in pages; `cursor` is the `nextCursor` of the previous page. */
export async function creditLedger(db: Database, userId: string, options: { cursor?: string; limit: number }) {
  const actor = alias(users, 'actor');
  const before = options.cursor ? Number(options.cursor) : null;
  const rows = await db
    .select({
      id: creditTransactions.id,
      seq: creditTransactions.seq,
      kind: creditTransactions.kind,
      amount: creditTransactions.amount,
      reasonCode: creditTransactions.reasonCode,
      description: creditTransactions.description,
      grantId: creditTransactions.grantId,
      registrationId: creditTransactions.registrationId,
      sessionId: creditTransactions.sessionId,
      actorName: actor.name,
      createdAt: creditTransactions.createdAt,
    })
    .from(creditTransactions)
    .leftJoin(actor, eq(actor.id, creditTransactions.actorId))
    .where(
      and(
        eq(creditTransactions.userId, userId),
        before !== null && Number.isFinite(before) ? lt(creditTransactions.seq, before) : undefined,
      ),
    )
    .orderBy(desc(creditTransactions.seq))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const entries: LedgerEntry[] = page.map(({ seq: _seq, ...r }) => ({
    ...r,
    kind: r.kind,
    label: describeLedgerEntry({ kind: r.kind, reasonCode: r.reasonCode, description: r.description }),
  }));
  return { entries, nextCursor: rows.length > options.limit ? String(page[page.length - 1]!.seq) : null };
}
