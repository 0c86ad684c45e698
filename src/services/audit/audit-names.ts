import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  classSessions,
  classTypes,
  cohortTypes,
  cohorts,
  memberships,
  membershipPlans,
  payments,
  sessionRegistrations,
  sessionSchedules,
  users,
} from '../../db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids by target type, plus people's ids found inside entries (a member enrolled). */
export interface NameRequest {
  byType: Map<string, Set<string>>;
}

type NameBook = Map<string, string>; // `${type}:${id}` → name

type Lookup = (db: Database, ids: string[]) => Promise<Array<{ id: string; name: string }>>;

// One query per target type on the page (a handful at most), never one per entry.
const LOOKUPS: Record<string, { uuidIds: boolean; load: Lookup }> = {
  user: {
    uuidIds: false,
    load: (db, ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  },
  class_type: {
    uuidIds: true,
    load: (db, ids) =>
      db.select({ id: classTypes.id, name: classTypes.name }).from(classTypes).where(inArray(classTypes.id, ids)),
  },
  session: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: classSessions.id, name: classTypes.name })
        .from(classSessions)
        .innerJoin(classTypes, eq(classTypes.id, classSessions.classTypeId))
        .where(inArray(classSessions.id, ids)),
  },
  // A weekly schedule reads as its class type.
  session_schedule: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: sessionSchedules.id, name: classTypes.name })
        .from(sessionSchedules)
        .innerJoin(classTypes, eq(classTypes.id, sessionSchedules.classTypeId))
        .where(inArray(sessionSchedules.id, ids)),
  },
  plan: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: membershipPlans.id, name: membershipPlans.name })
        .from(membershipPlans)
        .where(inArray(membershipPlans.id, ids)),
  },
  // A membership reads as its owner: "Membership paused — Sam Lee".
  membership: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: memberships.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(inArray(memberships.id, ids)),
  },
  // A booking and a payment read as their person, like a membership.
  registration: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: sessionRegistrations.id, name: users.name })
        .from(sessionRegistrations)
        .innerJoin(users, eq(users.id, sessionRegistrations.userId))
        .where(inArray(sessionRegistrations.id, ids)),
  },
  payment: {
    uuidIds: true,
    load: (db, ids) =>
      db
        .select({ id: payments.id, name: users.name })
        .from(payments)
        .innerJoin(users, eq(users.id, payments.userId))
        .where(inArray(payments.id, ids)),
  },
  cohort: {
    uuidIds: true,
    load: (db, ids) => db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(inArray(cohorts.id, ids)),
  },
  cohort_type: {
    uuidIds: true,
    load: (db, ids) =>
      db.select({ id: cohortTypes.id, name: cohortTypes.name }).from(cohortTypes).where(inArray(cohortTypes.id, ids)),
  },
};

export async function loadAuditNames(db: Database, request: NameRequest): Promise<NameBook> {
  const book: NameBook = new Map();
  for (const [type, idSet] of request.byType) {
    const lookup = LOOKUPS[type];
    const ids = [...idSet].filter((id) => !lookup?.uuidIds || UUID.test(id));
    if (!lookup || ids.length === 0) continue;
    for (const row of await lookup.load(db, ids)) book.set(`${type}:${row.id}`, row.name);
  }
  return book;
}
