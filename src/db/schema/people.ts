import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * What staff need to know about a client beyond the account: who to call in an emergency, date
 * of birth, health notes and injuries. Staff and the client themself read it; no other client
 * ever does (the routes that return it are staff-only or the client's own).
 */
export const clientProfiles = pgTable('client_profiles', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emergencyContactName: text(),
  emergencyContactPhone: text(),
  dateOfBirth: date(),
  healthNotes: text(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The studio's waiver / health questionnaire, one row per published version (never edited: a
 * change is a new version, so an acceptance always names the words accepted). An empty text
 * means the studio stopped asking for one.
 */
export const waiverVersions = pgTable('waiver_versions', {
  version: integer().primaryKey(),
  text: text().notNull(),
  publishedBy: text().references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp({ withTimezone: true }).notNull(),
});

/** Who accepted which waiver version, and when. `user.waiver_version` keeps the latest for the booking check. */
export const waiverAcceptances = pgTable(
  'waiver_acceptances',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer()
      .notNull()
      .references(() => waiverVersions.version),
    acceptedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);
