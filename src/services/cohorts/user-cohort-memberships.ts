import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cohortMemberships, cohorts, users } from '../../db/schema';
import type { CohortStatus, MembershipStatus } from '../../domain/cohorts/cohort-status';
import { DomainError } from '../../domain/shared/domain-error';
import type { LocalDate } from '../../domain/time/studio-week';

export interface UserCohortMembershipView {
  cohort: {
    id: string;
    name: string;
    status: CohortStatus;
    startDate: LocalDate;
    endDate: LocalDate | null;
    weeks: number | null;
  };
  status: MembershipStatus;
  joinedAt: Date;
  leftAt: Date | null;
}

/**
 * Every cohort a person has been in (withdrawn and archived ones too), newest first: the
 * "Cohort" section of the admin's user page. Admin-only at the route; 404 USER_NOT_FOUND for an unknown id.
 */
export async function listUserCohortMemberships(
  db: Database,
  userId: string,
): Promise<{ memberships: UserCohortMembershipView[] }> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('USER_NOT_FOUND', 'No such user');
  const rows = await db
    .select({ cohort: cohorts, membership: cohortMemberships })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .where(eq(cohortMemberships.userId, userId))
    .orderBy(desc(cohortMemberships.joinedAt));
  return {
    memberships: rows.map(({ cohort, membership }) => ({
      cohort: {
        id: cohort.id,
        name: cohort.name,
        status: cohort.status,
        startDate: cohort.startDate,
        endDate: cohort.endDate,
        weeks: cohort.weeks,
      },
      status: membership.status,
      joinedAt: membership.joinedAt,
      leftAt: membership.leftAt,
    })),
  };
}
