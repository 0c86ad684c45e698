import { randomUUID } from 'node:crypto';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { whereInFile } from '../../domain/import/import-report';
import { placeholderCoachEmail, type ImportedInstructor } from '../../domain/import/map-teamup-instructor';
import { count, inImportBatch, insertRefs, loadRefs, problem, wouldCreate, type ImportContext } from './import-context';

/**
 * TeamUp instructors → coach accounts, matched on a re-run by their TeamUp id, the first time
 * by email, else by name among active staff. An instructor whose name fits two staff accounts
 * is not guessed: the report names both and their classes wait for the next run. Without an
 * email, a placeholder coach is created (no password, an address under `.invalid`) that an
 * admin later gives a real email. Returns TeamUp instructor id → user id.
 */
export async function importCoaches(
  ctx: ImportContext,
  instructors: readonly ImportedInstructor[],
  fileName: string,
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const refs = await loadRefs(
    ctx.db,
    'COACH',
    instructors.map((i) => i.externalId),
  );
  const staff = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, banned: users.banned })
    .from(users)
    .where(
      or(
        inArray(users.role, ['COACH', 'ADMIN']),
        inArray(
          users.email,
          instructors.flatMap((i) => (i.email ? [i.email] : [])),
        ),
      ),
    );
  await inImportBatch(ctx.db, async (tx) => {
    for (const instructor of instructors) {
      const linked = refs.get(instructor.externalId);
      if (linked) {
        result.set(instructor.externalId, linked);
        const [current] = await tx.select({ email: users.email }).from(users).where(eq(users.id, linked));
        // A newer export with an email gives the placeholder its real address.
        if (instructor.email && current && current.email !== instructor.email && current.email.endsWith('.invalid')) {
          count(ctx, 'coaches', 'updated');
          if (!ctx.dryRun)
            await tx.update(users).set({ email: instructor.email, updatedAt: ctx.now }).where(eq(users.id, linked));
        } else count(ctx, 'coaches', 'unchanged');
        continue;
      }
      const byEmail = instructor.email ? staff.filter((s) => s.email === instructor.email) : [];
      const byName = staff.filter(
        (s) => !s.banned && s.role !== 'CLIENT' && s.name.trim().toLowerCase() === instructor.name.toLowerCase(),
      );
      const matches = byEmail.length ? byEmail : byName;
      if (matches.length > 1) {
        count(ctx, 'coaches', 'skipped');
        problem(ctx, {
          file: 'instructors',
          fileName,
          row: instructor.row,
          severity: 'error',
          message: `${whereInFile('instructors', fileName, instructor.row, instructor.externalId)}: ${instructor.name} matches ${matches.length} staff accounts (${matches.map((m) => m.email).join(', ')}); rename one so the match is clear. Their classes are not imported until then.`,
        });
        continue;
      }
      const match = matches[0];
      if (match) {
        count(ctx, 'coaches', 'unchanged');
        result.set(instructor.externalId, match.id);
        if (!ctx.dryRun) {
          if (match.role === 'CLIENT')
            await tx.update(users).set({ role: 'COACH', updatedAt: ctx.now }).where(eq(users.id, match.id));
          await insertRefs(tx, 'COACH', [{ externalId: instructor.externalId, entityId: match.id }], ctx.now);
        }
        continue;
      }
      count(ctx, 'coaches', 'created');
      if (ctx.dryRun) {
        result.set(instructor.externalId, wouldCreate('COACH', instructor.externalId));
        continue;
      }
      const id = randomUUID();
      const email = instructor.email ?? placeholderCoachEmail(instructor.externalId);
      // An account with this address may exist outside staff (a client): it becomes the coach.
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      if (existing) await tx.update(users).set({ role: 'COACH', updatedAt: ctx.now }).where(eq(users.id, existing.id));
      else
        await tx
          .insert(users)
          .values({ id, name: instructor.name, email, role: 'COACH', createdAt: ctx.now, updatedAt: ctx.now });
      await insertRefs(tx, 'COACH', [{ externalId: instructor.externalId, entityId: existing?.id ?? id }], ctx.now);
      result.set(instructor.externalId, existing?.id ?? id);
    }
  });
  ctx.done += instructors.length;
  await ctx.progress('Coaches');
  return result;
}
