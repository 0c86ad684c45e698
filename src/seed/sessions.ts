import type { Actor } from '../domain/access/roles';
import { DomainError } from '../domain/shared/domain-error';
import { addLocalDays, localDateOf, weekOfLocalDate } from '../domain/time/studio-week';
import type { WeekdayCode } from '../domain/time/wall-clock';
import { runWeeklyAllocation } from '../services/credits/allocate-weekly-credits';
import { bookSession } from '../services/sessions/book-session';
import { cancelMyRegistration } from '../services/sessions/cancel-registration';
import { cancelSession } from '../services/sessions/cancel-session';
import { createClassType } from '../services/sessions/class-types';
import { createSchedule } from '../services/sessions/create-schedule';
import { editSession } from '../services/sessions/edit-session';
import { markAttendance } from '../services/sessions/mark-attendance';
import { listSessions, type SessionView } from '../services/sessions/session-views';
import { loadSettings } from '../services/settings/settings-service';
import type { DemoSeedContext } from './steps';

/*
 * The demo studio's classes, modelled on a real TeamUp timetable (HIIT 25 min for 10, CORE 25 min
 * for 15, booking opens 14 days ahead, late cancels from 2 hours before): the weekly timetable
 * from three weeks ago to two weeks ahead, and the demo clients' habits — bookings, attendance,
 * a late cancel, a waitlist and a class the studio had to cancel. Everything goes through the
 * same services the app uses, at the moment it would have happened.
 */

type Slot = { days: WeekdayCode[]; time: string; type: 'HIIT' | 'CORE'; coach: 'coach1' | 'coach2' };

// The studio's week, as in the TeamUp export (its third instructor's classes go to Clare here).
const TIMETABLE: Slot[] = [
  { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], time: '06:30', type: 'HIIT', coach: 'coach1' },
  { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], time: '07:00', type: 'HIIT', coach: 'coach1' },
  { days: ['WED'], time: '07:30', type: 'CORE', coach: 'coach1' },
  { days: ['MON', 'WED', 'THU', 'FRI'], time: '09:30', type: 'HIIT', coach: 'coach1' },
  { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], time: '10:05', type: 'HIIT', coach: 'coach1' },
  { days: ['TUE', 'THU'], time: '10:30', type: 'CORE', coach: 'coach1' },
  { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], time: '12:30', type: 'HIIT', coach: 'coach1' },
  { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], time: '17:30', type: 'HIIT', coach: 'coach2' },
  { days: ['MON', 'TUE'], time: '18:05', type: 'HIIT', coach: 'coach2' },
  { days: ['MON', 'TUE'], time: '18:35', type: 'CORE', coach: 'coach2' },
  { days: ['WED'], time: '18:05', type: 'CORE', coach: 'coach2' },
  { days: ['SAT'], time: '08:45', type: 'HIIT', coach: 'coach1' },
  { days: ['SAT'], time: '09:15', type: 'CORE', coach: 'coach2' },
  { days: ['SAT'], time: '09:45', type: 'HIIT', coach: 'coach1' },
];

/** Which classes each demo client usually books (weekday + local time). */
const HABITS: Record<string, string[]> = {
  client1: ['MON 06:30', 'WED 06:30', 'FRI 06:30', 'SAT 09:15'],
  client2: ['TUE 17:30', 'THU 17:30', 'SAT 08:45', 'MON 18:35'],
  client3: ['MON 12:30', 'WED 12:30', 'THU 10:30'],
  client4: ['MON 18:05', 'WED 17:30'],
};

const HOUR = 3_600_000;

export async function seedSessions({ db, now, userIdByKey }: DemoSeedContext): Promise<void> {
  const admin: Actor = { id: userIdByKey.admin!, role: 'ADMIN' };
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const hiit = await createClassType(db, admin.id, {
    name: 'HIIT',
    description: '25-minute coach-led small-group interval session. All levels; the coach scales every move.',
    color: '#452ddb',
    defaultCapacity: 10,
    defaultDurationMins: 25,
  });
  const core = await createClassType(db, admin.id, {
    name: 'CORE',
    description: '25-minute coach-led core strength and mobility session.',
    color: '#f2de24',
    defaultCapacity: 15,
    defaultDurationMins: 25,
  });
  const typeIds = { HIIT: hiit.id, CORE: core.id };

  // Schedules are created three weeks back, as the studio would have done then.
  const today = localDateOf(now, timeZone);
  const fromDate = addLocalDays(weekOfLocalDate(today), -21);
  const toDate = addLocalDays(weekOfLocalDate(today), 20);
  const createdAt = new Date(now.getTime() - 22 * 24 * HOUR);
  for (const slot of TIMETABLE) {
    await createSchedule(
      db,
      admin,
      {
        classTypeId: typeIds[slot.type],
        coachId: userIdByKey[slot.coach]!,
        daysOfWeek: slot.days,
        localTime: slot.time,
        fromDate,
        toDate,
        location: 'Main studio',
      },
      false,
      createdAt,
    );
  }
  const sessions = await listSessions(
    db,
    admin,
    { from: new Date(now.getTime() - 25 * 24 * HOUR), to: new Date(now.getTime() + 25 * 24 * HOUR) },
    now,
  );
  const wall = (s: SessionView) => {
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(s.startTime);
    const part = (type: string) => local.find((p) => p.type === type)!.value;
    return `${part('weekday').toUpperCase()} ${part('hour')}:${part('minute')}`;
  };

  // The weekly credit allocation job, as it ran in those past weeks (the credits step runs it for now).
  for (const daysAgo of [24, 17, 10, 3]) await runWeeklyAllocation(db, new Date(now.getTime() - daysAgo * 24 * HOUR));

  // The clients' habits: booked two days ahead (or as soon as booking opened), through the credits they hold.
  let n = 0;
  for (const [key, habits] of Object.entries(HABITS)) {
    const client: Actor = { id: userIdByKey[key]!, role: 'CLIENT' };
    for (const s of sessions.filter((x) => habits.includes(wall(x)))) {
      const bookedAt = new Date(
        Math.min(now.getTime(), Math.max(s.registrationsOpenAt.getTime(), s.startTime.getTime() - 48 * HOUR)),
      );
      if (bookedAt >= s.registrationsCloseAt) continue;
      n++;
      const booked = await bookSession(db, client, { sessionId: s.id }, bookedAt).catch(skipRuleRefusal);
      if (!booked || s.endTime > now) continue;
      // Past classes: most attended, the odd no-show, one late cancel.
      if (n % 11 === 0) {
        await cancelMyRegistration(db, client, s.id, new Date(s.startTime.getTime() - HOUR)).catch(skipRuleRefusal);
        continue;
      }
      const markedAt = new Date(s.endTime.getTime() + 10 * 60_000);
      await markAttendance(
        db,
        { id: s.coach.id, role: 'COACH' },
        s.id,
        { userId: client.id, status: n % 7 === 0 ? 'NO_SHOW' : 'ATTENDED' },
        markedAt,
      );
    }
  }

  // Tomorrow's 06:30 becomes a small technique class: full, with a waitlist.
  const future = sessions.filter((s) => s.startTime > new Date(now.getTime() + 12 * HOUR));
  const small = future.find((s) => wall(s) === 'TUE 06:30' || wall(s) === 'THU 06:30') ?? future[0];
  if (small) {
    await editSession(db, admin, small.id, { capacity: 2, title: 'HIIT — technique (small group)' }, 'THIS', now);
    for (const key of ['client2', 'client1', 'client3', 'client4']) {
      await bookSession(db, { id: userIdByKey[key]!, role: 'CLIENT' }, { sessionId: small.id }, now).catch(
        skipRuleRefusal,
      );
    }
  }
  // The studio had to cancel one of next week's evening classes; everyone booked was refunded and told.
  const cancelled = future.find(
    (s) => wall(s) === 'TUE 17:30' && s.startTime.getTime() > now.getTime() + 5 * 24 * HOUR,
  );
  if (cancelled)
    await cancelSession(db, admin, cancelled.id, { scope: 'THIS', reason: 'Coach away at a training course' }, now);
}

/** A demo booking the rules refuse (no credit that week, a paused plan) is simply not made. */
function skipRuleRefusal(error: unknown): null {
  if (error instanceof DomainError) return null;
  throw error;
}
