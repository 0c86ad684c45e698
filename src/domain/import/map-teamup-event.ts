import { z } from 'zod';
import { stripHtml } from './strip-html';
import { whereInFile, type ImportProblem } from './import-report';

const id = z.union([z.number(), z.string().min(1).max(64)]).transform(String);
const isoString = z.string().max(40);

const teamupEvent = z.object({
  id,
  name: z.string().trim().min(1).max(200),
  starts_at: isoString,
  ends_at: isoString,
  max_occupancy: z.number().int().min(0).max(10_000).nullish(),
  waitlist_max_override: z.number().int().nullish(),
  attending_count: z.number().int().min(0).nullish(),
  waiting_count: z.number().int().min(0).nullish(),
  is_appointment: z.boolean().nullish(),
  is_cancelled: z.boolean().nullish(),
  status: z.string().nullish(),
  description: z.string().max(100_000).nullish(),
  venue: z
    .object({ id, name: z.string().max(200), address: z.string().max(500).nullish(), timezone: z.string().max(64) })
    .nullish(),
  offering_type: z
    .object({ background_color: z.string().max(20).nullish(), waitlist_max: z.number().int().nullish() })
    .nullish(),
  instructors: z.array(z.object({ id, name: z.string().max(200), email: z.string().max(200).nullish() })).nullish(),
  active_registration_status: z
    .object({
      registrations_open_at: isoString.nullish(),
      registrations_close_at: isoString.nullish(),
      late_cancels_after: isoString.nullish(),
    })
    .nullish(),
});

export interface TeamupVenue {
  externalId: string;
  name: string;
  address: string;
  timezone: string;
}

export interface ImportedEvent {
  externalId: string;
  row: number;
  name: string;
  /** Which class type the event belongs to: its name, case and spacing ignored. */
  classKey: string;
  description: string;
  color: string | null;
  start: Date;
  end: Date;
  capacity: number | null;
  /** null = unlimited, 0 = none; TeamUp's -1 override means "the offering's own limit". */
  waitlistLimit: number | null;
  attending: number;
  waiting: number;
  isAppointment: boolean;
  cancelled: boolean;
  venue: TeamupVenue | null;
  instructor: { externalId: string; name: string; email: string | null } | null;
  opensAt: Date | null;
  closesAt: Date | null;
  lateCancelsAfter: Date | null;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An instant between 2000 and 2100, or null: year 1 or 9999 is a broken export, not a class. */
function instant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < 2000 || year > 2100 ? null : d;
}

/**
 * One record of TeamUp's events file → an event Roster can place, or the problem that keeps it
 * out (named by file, row and TeamUp id). Times stay exact: TeamUp's own booking window and
 * late-cancel instants become the session's.
 */
export function mapTeamupEvent(record: unknown, row: number, fileName: string): ImportedEvent | ImportProblem {
  const rawId = (record as { id?: unknown } | null)?.id;
  const problem = (message: string): ImportProblem => ({
    file: 'events',
    fileName,
    row,
    severity: 'error',
    message: `${whereInFile('events', fileName, row, typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined)}: ${message}`,
  });
  const parsed = teamupEvent.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(`${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'not a TeamUp event'}`);
  }
  const e = parsed.data;
  const start = instant(e.starts_at);
  const end = instant(e.ends_at);
  if (!start || !end)
    return problem(`start or end is not a date between 2000 and 2100 ("${e.starts_at}", "${e.ends_at}")`);
  if (end <= start) return problem(`ends (${e.ends_at}) before it starts (${e.starts_at})`);
  if (e.venue && !isKnownTimeZone(e.venue.timezone))
    return problem(`unknown time zone "${e.venue.timezone.slice(0, 64)}" (expected e.g. Europe/London)`);
  const instructor = e.instructors?.[0];
  const override = e.waitlist_max_override;
  const offeringLimit = e.offering_type?.waitlist_max ?? null;
  const color = e.offering_type?.background_color?.replace(/^#/, '') ?? '';
  const status = e.active_registration_status;
  return {
    externalId: e.id,
    row,
    name: e.name,
    classKey: e.name.replace(/\s+/g, ' ').toLowerCase(),
    description: stripHtml(e.description),
    color: /^[0-9a-f]{6}$/i.test(color) ? `#${color.toLowerCase()}` : null,
    start,
    end,
    capacity: e.max_occupancy ?? null,
    waitlistLimit: override === null || override === undefined || override < 0 ? offeringLimit : override,
    attending: e.attending_count ?? 0,
    waiting: e.waiting_count ?? 0,
    isAppointment: e.is_appointment === true,
    cancelled: e.is_cancelled === true || /cancel/i.test(e.status ?? ''),
    venue: e.venue
      ? {
          externalId: e.venue.id,
          name: e.venue.name.trim(),
          address: e.venue.address?.trim() ?? '',
          timezone: e.venue.timezone,
        }
      : null,
    instructor: instructor
      ? {
          externalId: instructor.id,
          name: instructor.name.trim(),
          email: instructor.email?.trim().toLowerCase() || null,
        }
      : null,
    opensAt: instant(status?.registrations_open_at),
    closesAt: instant(status?.registrations_close_at),
    lateCancelsAfter: instant(status?.late_cancels_after),
  };
}

export function isProblem(value: unknown): value is ImportProblem {
  return typeof value === 'object' && value !== null && 'severity' in value && 'message' in value;
}
