import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cohortCoaches, cohortPrompts, users, type CohortPromptRef } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/roles';
import { checkCoachTeam, type CoachCandidate } from '../../domain/cohorts/check-coach-team';
import { DomainError } from '../../domain/shared/domain-error';

/** Checks and writes a cohort's coach team (replacing any previous one) inside the caller's transaction. */
export async function replaceCoachTeam(
  tx: Tx,
  actor: Actor,
  cohortId: string,
  coachIds: readonly string[],
  leadCoachId: string | undefined,
) {
  const rows = coachIds.length
    ? await tx
        .select({ id: users.id, name: users.name, role: users.role, banned: users.banned })
        .from(users)
        .where(inArray(users.id, [...coachIds]))
    : [];
  const candidates = new Map<string, CoachCandidate>(
    rows.map((r) => [r.id, { id: r.id, name: r.name, role: r.role as Role, active: !r.banned }]),
  );
  const team = checkCoachTeam(actor, coachIds, leadCoachId, candidates);
  if (team instanceof DomainError) throw team;
  await tx.delete(cohortCoaches).where(eq(cohortCoaches.cohortId, cohortId));
  await tx
    .insert(cohortCoaches)
    .values(team.coachIds.map((coachId) => ({ cohortId, coachId, isLead: coachId === team.leadCoachId })));
  return team;
}

/** Writes a cohort's prompt selection (replacing the previous one), in order. */
export async function replaceCohortPrompts(tx: Tx, cohortId: string, prompts: readonly CohortPromptRef[]) {
  await tx.delete(cohortPrompts).where(eq(cohortPrompts.cohortId, cohortId));
  if (prompts.length) {
    await tx
      .insert(cohortPrompts)
      .values(prompts.map((p, position) => ({ cohortId, promptKey: p.key, required: p.required, position })));
  }
}
