import { membershipPlans, planAppointmentServices } from '../../db/schema';
import type { ImportedServiceName } from '../../domain/import/appointment-service-for-plan';
import { whereInFile } from '../../domain/import/import-report';
import type { ImportedPlan } from '../../domain/import/map-teamup-membership';
import { serviceForPlans } from './import-appointment-services';
import { count, inImportBatch, insertRefs, loadRefs, problem, wouldCreate, type ImportContext } from './import-context';

export interface ImportedPlanRef {
  id: string;
  name: string;
  type: ImportedPlan['type'];
  forAppointments: boolean;
  /** A 1-on-1 plan linked to its service (by name): its credits pay for that service only. */
  paysForService: boolean;
  totalCredits: number | null;
}

/** What the report asks for a plan whose size the export does not say. */
function question(plan: ImportedPlan): string {
  return plan.type === 'PACK'
    ? `how many credits does the pack "${plan.name}" hold? Answer with its TeamUp id ${plan.externalId}; it is imported once answered.`
    : `how many classes a week does "${plan.name}" give? Answer with its TeamUp id ${plan.externalId}; it is imported once answered.`;
}

/**
 * TeamUp memberships → plans: recurring → RECURRING, pack → PACK, prepaid → PREPAID, prices in
 * pence, descriptions kept. A plan whose size is unknown is asked about, not guessed. Personal
 * training and massage plans cover no class type and pay for their 1-on-1 service instead (found
 * or created by name, ADR 0017); one that says PT or massage only in its description has no
 * service to pay for, so it is imported inactive and kept for later. Created once (a re-run
 * leaves the studio's later edits alone). Returns TeamUp id → plan.
 */
export async function importPlans(
  ctx: ImportContext,
  plans: readonly ImportedPlan[],
  fileName: string,
  studioCurrency: string,
): Promise<Map<string, ImportedPlanRef>> {
  const result = new Map<string, ImportedPlanRef>();
  const refs = await loadRefs(
    ctx.db,
    'PLAN',
    plans.map((p) => p.externalId),
  );
  const say = (plan: ImportedPlan, severity: 'warning' | 'question', text: string) =>
    problem(ctx, {
      file: 'memberships',
      fileName,
      row: plan.row,
      severity,
      externalId: severity === 'question' ? plan.externalId : undefined,
      message: `${whereInFile('memberships', fileName, plan.row, plan.externalId)}: ${text}`,
    });
  const services = new Map<ImportedServiceName, string>();
  await inImportBatch(ctx.db, async (tx) => {
    for (const plan of plans) {
      const ref = (id: string): ImportedPlanRef => ({
        id,
        name: plan.name,
        type: plan.type,
        forAppointments: plan.forAppointments,
        paysForService: plan.appointmentService !== null,
        totalCredits: plan.type === 'PACK' ? plan.credits : null,
      });
      const linked = refs.get(plan.externalId);
      if (linked) {
        count(ctx, 'plans', 'unchanged');
        result.set(plan.externalId, ref(linked));
        continue;
      }
      if (plan.credits === null) {
        count(ctx, 'plans', 'skipped');
        say(plan, 'question', question(plan));
        continue;
      }
      if (plan.type === 'PREPAID' && !plan.durationDays) {
        count(ctx, 'plans', 'skipped');
        say(plan, 'warning', `"${plan.name}" has no length in the export; create it by hand in Plans.`);
        continue;
      }
      const service = plan.appointmentService
        ? await serviceForPlans(ctx, tx, plan.appointmentService, services)
        : null;
      if (service?.created)
        say(
          plan,
          'warning',
          `"${plan.appointmentService}" is a new 1-on-1 service (60 minutes, no coaches yet) that "${plan.name}" pays for: set its length and coaches in 1-on-1 services.`,
        );
      if (plan.forAppointments && !service)
        ctx.report.keptForLater.push(
          `Plan "${plan.name}": mentions PT or massage but its name names no 1-on-1 service, so it is imported inactive (it must not pay for classes); choose its service in Plans.`,
        );
      if (!plan.priceKnown)
        say(plan, 'warning', `"${plan.name}" has no price in the export: imported at 0; set the price in Plans.`);
      if (plan.currency && plan.currency !== studioCurrency)
        say(plan, 'warning', `"${plan.name}" is priced in ${plan.currency} but the studio uses ${studioCurrency}.`);
      count(ctx, 'plans', 'created');
      if (ctx.dryRun) {
        result.set(plan.externalId, ref(wouldCreate('PLAN', plan.externalId)));
        continue;
      }
      const [row] = await tx
        .insert(membershipPlans)
        .values({
          name: plan.name,
          type: plan.type,
          description: plan.description,
          creditsPerWeek: plan.type === 'PACK' ? null : plan.credits,
          totalCredits: plan.type === 'PACK' ? plan.credits : null,
          durationDays: plan.durationDays,
          commitmentMonths: plan.commitmentMonths,
          priceMinor: plan.priceMinor,
          currency: studioCurrency,
          purchasableByClient: plan.forSale,
          allowRepeatPurchase: plan.allowRepeatPurchase,
          // A PT or massage plan never pays for a class (ADR 0017), only for its service.
          coversAllClassTypes: !plan.forAppointments,
          active: !plan.forAppointments || service !== null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: membershipPlans.id });
      if (service) await tx.insert(planAppointmentServices).values({ planId: row!.id, serviceId: service.id });
      await insertRefs(tx, 'PLAN', [{ externalId: plan.externalId, entityId: row!.id }], ctx.now);
      result.set(plan.externalId, ref(row!.id));
    }
  });
  ctx.done += plans.length;
  await ctx.progress('Plans');
  return result;
}
