import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { fixedEndDate } from '../../domain/credits/decide-membership-assignment';
import { whereInFile } from '../../domain/import/import-report';
import type { ImportedCustomer } from './read-customers-csv';
import { startOfLocalDate, type LocalDate } from '../../domain/time/studio-week';
import { allocateForMemberships } from '../credits/allocate-weekly-credits';
import { insertGrants, type NewGrant } from '../credits/insert-grants';
import { enqueueEmail } from '../email/enqueue-email';
import { chunks, count, inImportBatch, insertRefs, loadRefs, problem, type ImportContext } from './import-context';
import type { ImportedPlanRef } from './import-plans';

const BATCH = 500;

export interface CustomerImportSettings {
  fileName: string;
  timeZone: string;
  today: LocalDate;
  /** Lower-cased plan name → plan, for the "active membership" column. */
  plansByName: Map<string, ImportedPlanRef & { durationDays: number | null }>;
  invite: boolean;
}

/**
 * Customers → client accounts (no password), in batches of 500, each batch one transaction.
 * Matched by ref, the first time by email (an existing account is linked, never duplicated).
 * Their current membership is assigned from today; a pack's uses left become ONE opening grant
 * whose unique key (one PACK_PURCHASE grant per membership) and the membership's own ref make a
 * re-run give nothing twice. Invitations are sent only when the admin asks (`invite`).
 */
export async function importCustomers(
  ctx: ImportContext,
  customers: readonly ImportedCustomer[],
  s: CustomerImportSettings,
) {
  for (const batch of chunks(customers, BATCH)) {
    const work = async (tx: Tx | null) => {
      const ex = tx ?? ctx.db;
      const refs = await loadRefs(
        ex,
        'CUSTOMER',
        batch.map((c) => c.externalId),
      );
      const byEmail = new Map(
        (
          await ex
            .select({ id: users.id, email: users.email, phone: users.phone })
            .from(users)
            .where(
              inArray(
                users.email,
                batch.map((c) => c.email),
              ),
            )
        ).map((u) => [u.email, u]),
      );
      const newUsers: Array<typeof users.$inferInsert> = [];
      const newRefs: Array<{ externalId: string; entityId: string }> = [];
      const userOf = new Map<ImportedCustomer, string>();
      for (const c of batch) {
        const linked = refs.get(c.externalId);
        const existing = byEmail.get(c.email);
        if (linked || existing) {
          const id = linked ?? existing!.id;
          userOf.set(c, id);
          if (!linked) newRefs.push({ externalId: c.externalId, entityId: id });
          const addPhone = c.phone && existing && !existing.phone;
          count(ctx, 'customers', addPhone || !linked ? 'updated' : 'unchanged');
          if (addPhone && tx)
            await tx.update(users).set({ phone: c.phone, updatedAt: ctx.now }).where(eq(users.id, id));
          continue;
        }
        const id = randomUUID();
        userOf.set(c, id);
        count(ctx, 'customers', 'created');
        const joined = c.joinedOn ? startOfLocalDate(c.joinedOn, s.timeZone) : ctx.now;
        newUsers.push({
          id,
          name: c.name,
          email: c.email,
          phone: c.phone,
          role: 'CLIENT',
          createdAt: joined < ctx.now ? joined : ctx.now,
          updatedAt: ctx.now,
        });
        newRefs.push({ externalId: c.externalId, entityId: id });
      }
      if (tx && newUsers.length) await tx.insert(users).values(newUsers);
      if (tx) await insertRefs(tx, 'CUSTOMER', newRefs, ctx.now);
      await importMemberships(ctx, tx, batch, userOf, s);
      if (tx && s.invite)
        for (const u of newUsers)
          await enqueueEmail(tx, {
            to: u.email,
            subject: 'Your studio has moved to Roster',
            text: `Hello ${u.name},\n\nYour studio now books classes with Roster, and your account is ready with your membership and credits. Choose a password to sign in: open the link, enter this email address (${u.email}) and follow the email you receive.`,
            link: '/forgot-password',
            kind: 'import_invite',
            dedupeKey: `import-invite:${u.id}`,
          });
    };
    if (ctx.dryRun) await work(null);
    else await inImportBatch(ctx.db, work);
    ctx.done += batch.length;
    await ctx.progress('Customers');
  }
}

async function importMemberships(
  ctx: ImportContext,
  tx: Tx | null,
  batch: readonly ImportedCustomer[],
  userOf: Map<ImportedCustomer, string>,
  s: CustomerImportSettings,
) {
  const ex = tx ?? ctx.db;
  const wanted = batch.flatMap((c) =>
    c.activeMemberships.map((name) => ({ c, name, plan: s.plansByName.get(name.toLowerCase()) })),
  );
  const refKey = (c: ImportedCustomer, planId: string) => `${c.externalId}:${planId}`;
  const refs = await loadRefs(
    ex,
    'MEMBERSHIP',
    wanted.flatMap((w) => (w.plan ? [refKey(w.c, w.plan.id)] : [])),
  );
  const userIds = [...new Set(wanted.map((w) => userOf.get(w.c)!))].filter((id) => !id.startsWith('new:'));
  const heldTerm = new Set(
    userIds.length
      ? (
          await ex
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(
              and(
                inArray(memberships.userId, userIds),
                sql`status IN ('ACTIVE', 'PAUSED') AND plan_type IN ('RECURRING', 'PREPAID')`,
              ),
            )
        ).map((m) => m.userId)
      : [],
  );
  const grants: NewGrant[] = [];
  const termIds: string[] = [];
  const packGiven = new Set<ImportedCustomer>();
  const rows: Array<typeof memberships.$inferInsert> = [];
  const newRefs: Array<{ externalId: string; entityId: string }> = [];
  for (const { c, name, plan } of wanted) {
    const say = (severity: 'warning' | 'error', text: string) =>
      problem(ctx, {
        file: 'customers',
        fileName: s.fileName,
        row: c.row,
        severity,
        message: `${whereInFile('customers', s.fileName, c.row)}: ${text}`,
      });
    if (!plan) {
      count(ctx, 'memberships', 'skipped');
      say('warning', `${c.email}'s membership "${name}" is not among the imported plans: not assigned.`);
      continue;
    }
    const userId = userOf.get(c)!;
    if (refs.has(refKey(c, plan.id))) {
      count(ctx, 'memberships', 'unchanged');
      if (plan.type === 'PACK' && c.packUsesLeft) count(ctx, 'packBalances', 'unchanged');
      continue;
    }
    const isTerm = plan.type !== 'PACK';
    if (isTerm && heldTerm.has(userId)) {
      count(ctx, 'memberships', 'skipped');
      say('warning', `${c.email} already holds a recurring or prepaid membership in Roster; "${name}" not assigned.`);
      continue;
    }
    if (isTerm) heldTerm.add(userId);
    count(ctx, 'memberships', 'created');
    // A 1-on-1 plan that pays for its service is held like any pack (it covers no class type, ADR 0017);
    // one whose service is not known yet is kept paused, so its credits wait for the admin.
    const heldPaused = plan.forAppointments && !plan.paysForService;
    if (heldPaused)
      ctx.report.keptForLater.push(`${c.email}: "${plan.name}" (paused until its plan has a 1-on-1 service)`);
    const id = randomUUID();
    const uses = plan.type === 'PACK' && !packGiven.has(c) ? c.packUsesLeft : null;
    if (plan.type === 'PACK' && uses === null && !packGiven.has(c))
      say(
        'warning',
        `${c.email}'s pack "${name}" has no uses-left figure: the membership is assigned with no credits.`,
      );
    if (uses) {
      packGiven.add(c);
      count(ctx, 'packBalances', 'created');
      grants.push({
        userId,
        membershipId: id,
        source: 'PACK_PURCHASE',
        amount: uses,
        validFrom: startOfLocalDate(s.today, s.timeZone),
        validUntil: null,
        weekStart: null,
        description:
          `Imported from TeamUp: ${uses} ${plan.forAppointments ? 'PT/massage' : ''} session${uses === 1 ? '' : 's'} left (${plan.name})`.replace(
            '  ',
            ' ',
          ),
      });
    }
    const endDate = fixedEndDate({ type: plan.type, durationDays: plan.durationDays, expiryDays: null }, s.today);
    rows.push({
      id,
      userId,
      planId: plan.id,
      planType: plan.type,
      status: heldPaused ? 'PAUSED' : 'ACTIVE',
      startDate: s.today,
      endDate,
      pausedOn: heldPaused ? s.today : null,
      paymentReference: 'Imported from TeamUp',
      assignedBy: ctx.actorId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    newRefs.push({ externalId: refKey(c, plan.id), entityId: id });
    if (isTerm) termIds.push(id);
  }
  if (!tx) return;
  if (rows.length) await tx.insert(memberships).values(rows);
  await insertRefs(tx, 'MEMBERSHIP', newRefs, ctx.now);
  await insertGrants(tx, grants, {
    kind: 'GRANT',
    reasonCode: 'IMPORT_OPENING_BALANCE',
    actorId: ctx.actorId,
    now: ctx.now,
  });
  if (termIds.length) await allocateForMemberships(tx, termIds, ctx.now);
}
