import type { Database } from '../../db/client';
import { deriveClassTypes } from '../../domain/import/derive-class-types';
import { emptyCounts, whereInFile, type ImportReport } from '../../domain/import/import-report';
import type { ImportedInstructor } from '../../domain/import/map-teamup-instructor';
import { recogniseWeeklyPatterns } from '../../domain/import/recognise-weekly-patterns';
import { localDateOf } from '../../domain/time/studio-week';
import { recordAudit } from '../audit/record-audit';
import { loadSettings } from '../settings/settings-service';
import { importClassTypes } from './import-class-types';
import { importCoaches } from './import-coaches';
import { problem, type ImportContext, type ImportProgress } from './import-context';
import { importCustomers } from './import-customers';
import { importLocations } from './import-locations';
import { importPlans } from './import-plans';
import { importSchedules } from './import-schedules';
import { importSessions } from './import-sessions';
import { parseTeamupFiles, type TeamupFiles } from './parse-teamup-files';
import { slotKey, wantedSession, type WantedSession } from './session-rows';

export interface TeamupImportOptions {
  dryRun: boolean;
  /** Group the weekly timetable of future classes into schedules (default true). */
  createSchedules?: boolean;
  /** Email new client accounts an invitation to set a password. */
  inviteCustomers?: boolean;
  /** Answers to the report's questions: TeamUp membership id → credits (pack size or per week). */
  planAnswers?: Record<string, number>;
}

/**
 * Moves a studio from TeamUp: venues, instructors, class types, plans, events (history and
 * future classes, grouped into weekly schedules) and customers, in that order, each step in
 * idempotent batches keyed by TeamUp ids. With `dryRun`, the same steps run and count without
 * writing. The CLI and the admin page both call this.
 */
export async function importFromTeamup(
  db: Database,
  actorId: string | null,
  files: TeamupFiles,
  options: TeamupImportOptions,
  now: Date,
  onProgress: (p: ImportProgress) => void | Promise<void> = () => {},
): Promise<ImportReport> {
  const parsed = parseTeamupFiles(files, options.planAnswers ?? {});
  const report: ImportReport = {
    dryRun: options.dryRun,
    counts: emptyCounts(),
    patterns: [],
    keptForLater: [],
    problems: parsed.problems,
  };
  const classEvents = parsed.events.filter((e) => !e.isAppointment);
  const venues = [
    ...new Map(classEvents.flatMap((e) => (e.venue ? [[e.venue.externalId, e.venue] as const] : []))).values(),
  ];
  const settings = await loadSettings(db);
  const timeZone = venues[0]?.timezone ?? settings['studio.timezone'];
  const ctx: ImportContext = {
    db,
    now,
    dryRun: options.dryRun,
    actorId,
    report,
    done: 0,
    total: 1,
    progress: (step) => Promise.resolve(onProgress({ step, done: ctx.done, total: ctx.total })),
  };
  const appointments = parsed.events.length - classEvents.length;
  if (appointments)
    report.keptForLater.push(
      `${appointments} appointment events: kept for when 1-on-1 appointments exist (not imported as classes).`,
    );

  const instructors: ImportedInstructor[] = [...parsed.instructors];
  for (const e of classEvents) {
    if (!e.instructor || instructors.some((i) => i.externalId === e.instructor!.externalId)) continue;
    instructors.push({ ...e.instructor, row: e.row });
    problem(ctx, {
      file: 'events',
      fileName: files.events.name,
      row: e.row,
      severity: 'warning',
      message: `${whereInFile('events', files.events.name, e.row, e.externalId)}: instructor ${e.instructor.name} is not in the instructors file; imported from the event.`,
    });
  }
  const specs = deriveClassTypes(classEvents);
  ctx.total =
    venues.length +
    instructors.length +
    specs.length +
    parsed.plans.length +
    classEvents.length +
    parsed.customers.length;

  const locationNames = await importLocations(ctx, venues);
  const coachIds = await importCoaches(ctx, instructors, files.instructors.name);
  const classTypes = await importClassTypes(ctx, specs);
  const plans = await importPlans(ctx, parsed.plans, files.memberships.name, settings['studio.currency']);

  const wanted: WantedSession[] = [];
  const seenSlots = new Map<string, string>();
  for (const e of [...classEvents].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const coachId = e.instructor ? coachIds.get(e.instructor.externalId) : undefined;
    const where = whereInFile('events', files.events.name, e.row, e.externalId);
    const kind = e.end <= now && !e.cancelled ? 'history' : 'sessions';
    const skip = (message: string) => {
      report.counts[kind].skipped += 1;
      problem(ctx, {
        file: 'events',
        fileName: files.events.name,
        row: e.row,
        severity: 'error',
        message: `${where}: ${message}`,
      });
    };
    if (!coachId) {
      skip(
        e.instructor
          ? `its instructor ${e.instructor.name} was not imported (see the instructors file).`
          : 'it has no instructor; Roster needs a coach for every class.',
      );
      continue;
    }
    const w = wantedSession(
      e,
      classTypes.get(e.classKey)!,
      coachId,
      e.venue ? (locationNames.get(e.venue.externalId) ?? '') : '',
      now,
    );
    const key = slotKey(w.classTypeId, w.coachId, w.startTime);
    if (w.status !== 'CANCELLED' && seenSlots.has(key)) {
      skip(`the same class with the same coach at the same time as event ${seenSlots.get(key)}: imported once.`);
      continue;
    }
    if (w.status !== 'CANCELLED') seenSlots.set(key, e.externalId);
    wanted.push(w);
  }
  const booked = wanted.filter((w) => w.status === 'SCHEDULED' && w.event.attending > 0);
  if (booked.length)
    problem(ctx, {
      file: 'events',
      fileName: files.events.name,
      row: null,
      severity: 'warning',
      message: `${booked.length} future classes have ${booked.reduce((n, w) => n + w.event.attending, 0)} bookings in TeamUp. The export has no names for them: clients book again in Roster (or staff add them from the class roster).`,
    });
  const sessionIds = await importSessions(ctx, wanted, files.events.name);

  if (options.createSchedules !== false) {
    const future = wanted.filter((w) => w.status === 'SCHEDULED');
    const { patterns } = recogniseWeeklyPatterns(
      future.map((w) => ({
        externalId: w.event.externalId,
        classKey: w.event.classKey,
        coachKey: w.coachId,
        start: w.startTime,
        durationMins: Math.round((w.endTime.getTime() - w.startTime.getTime()) / 60_000),
        timeZone: w.event.venue?.timezone ?? timeZone,
      })),
    );
    const byEvent = new Map(future.map((w) => [w.event.externalId, w]));
    const coachName = new Map(instructors.map((i) => [coachIds.get(i.externalId), i.name]));
    ctx.total += patterns.length;
    report.patterns = patterns.map((p) => ({
      classType: byEvent.get(p.eventIds[0]!)!.title,
      coach: coachName.get(p.coachKey) ?? '',
      days: p.daysOfWeek,
      localTime: p.localTime,
      fromDate: p.fromDate,
      toDate: p.toDate,
      sessions: p.eventIds.length,
      gaps: p.gaps,
    }));
    await importSchedules(
      ctx,
      patterns.map((p) => {
        const first = byEvent.get(p.eventIds[0]!)!;
        return {
          pattern: p,
          classTypeId: first.classTypeId,
          coachId: first.coachId,
          capacity: first.capacity,
          location: first.location,
          sessionIds: p.eventIds.map((id) => sessionIds.get(id)!).filter(Boolean),
        };
      }),
    );
  }

  if (files.customers) {
    const plansByName = new Map(
      parsed.plans.flatMap((p) => {
        const ref = plans.get(p.externalId);
        return ref ? [[p.name.toLowerCase(), { ...ref, durationDays: p.durationDays }] as const] : [];
      }),
    );
    await importCustomers(ctx, parsed.customers, {
      fileName: files.customers.name,
      timeZone,
      today: localDateOf(now, timeZone),
      plansByName,
      invite: options.inviteCustomers === true,
    });
  }
  if (!options.dryRun)
    await recordAudit(db, {
      actorId,
      action: 'import.teamup',
      targetType: 'import',
      targetId: null,
      after: { counts: report.counts, problems: report.problems.length },
    });
  ctx.done = ctx.total;
  await ctx.progress('Done');
  return report;
}
