import { count, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { systemSettings, users } from '../db/schema';
import type { Auth } from '../services/auth/create-auth';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { demoSeedSteps, type DemoSeedContext } from './steps';

/** True when the database has no users yet: the only time the demo studio is created. */
export async function isEmptyStudio(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Creates the demo studio: accounts for every role (through better-auth, so they can sign in),
 * then each area's demo data. Runs only on an empty database.
 */
export async function seedDemoStudio(db: Database, auth: Auth, now: Date): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    await auth.api.signUpEmail({ body: { email: account.email, password: DEMO_PASSWORD, name: account.name } });
  }
  for (const role of ['ADMIN', 'COACH'] as const) {
    const emails = DEMO_ACCOUNTS.filter((a) => a.role === role).map((a) => a.email);
    await db.update(users).set({ role, emailVerified: true }).where(inArray(users.email, emails));
  }
  await db
    .insert(systemSettings)
    .values({ key: 'studio.name', value: 'Northside Strength Studio' })
    .onConflictDoNothing();
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  const userIdByKey = Object.fromEntries(
    DEMO_ACCOUNTS.map((a) => [a.key, rows.find((r) => r.email === a.email)!.id]),
  ) as Record<string, string>;
  const context: DemoSeedContext = { db, now, userIdByKey };
  for (const step of demoSeedSteps) await step(context);
}
