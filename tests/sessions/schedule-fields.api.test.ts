import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessions } from '../../src/db/schema';
import { extendOngoingSchedules } from '../../src/services/sessions/extend-ongoing-schedules';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

describe('a weekly schedule with its own title, notes and length', () => {
  it('gives every class of the series the title, notes and duration asked for', async () => {
    const created = await as(t.app, studio.coach).post('/api/schedules', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      daysOfWeek: ['TUE'],
      localTime: '18:00',
      fromDate: '2026-03-24',
      toDate: '2026-04-07',
      title: 'Evening strength',
      notes: 'Bring a towel.',
      durationMins: 50,
    });
    expect(created.statusCode, created.body).toBe(201);
    const sessions = created.json().sessions as Array<{
      id: string;
      title: string;
      startTime: string;
      endTime: string;
    }>;
    expect(sessions).toHaveLength(3);
    for (const s of sessions) {
      expect(s.title).toBe('Evening strength');
      expect(Date.parse(s.endTime) - Date.parse(s.startTime)).toBe(50 * 60_000);
    }
    const detail = (await as(t.app, studio.coach).get(`/api/sessions/${sessions[0]!.id}`)).json();
    expect(detail.notes).toBe('Bring a towel.');

    const tooShort = await as(t.app, studio.coach).post('/api/schedules?preview=true', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      daysOfWeek: ['WED'],
      localTime: '18:00',
      fromDate: '2026-03-25',
      toDate: '2026-04-08',
      durationMins: 2,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields[0].path).toBe('durationMins');
  });

  it('an ongoing schedule is generated four weeks ahead, and the job extends it once per horizon', async () => {
    const created = await as(t.app, studio.coach).post('/api/schedules', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      daysOfWeek: ['THU'],
      localTime: '07:00',
      fromDate: '2026-03-26',
      ongoing: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    // 26 Mar + 4 weeks − 1 day = 22 Apr: Thursdays 26 Mar, 2, 9 and 16 Apr.
    expect(created.json().sessions).toHaveLength(4);
    const scheduleId = created.json().scheduleId as string;
    expect(await extendOngoingSchedules(t.database.db, NOW)).toEqual({ created: 0 });

    const aWeekLater = new Date('2026-04-02T12:00:00Z');
    expect(await extendOngoingSchedules(t.database.db, aWeekLater)).toEqual({ created: 1 });
    expect(await extendOngoingSchedules(t.database.db, aWeekLater)).toEqual({ created: 0 });
    const series = await t.database.db
      .select({ startTime: classSessions.startTime })
      .from(classSessions)
      .where(eq(classSessions.scheduleId, scheduleId));
    expect(series).toHaveLength(5);

    const noEnd = await as(t.app, studio.coach).post('/api/schedules?preview=true', {
      classTypeId: studio.classTypeId,
      coachId: studio.coach.id,
      daysOfWeek: ['FRI'],
      localTime: '07:00',
      fromDate: '2026-03-27',
    });
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.json().error.fields).toEqual([
      { path: 'toDate', message: 'Choose the last day, or make the schedule ongoing' },
    ]);
  });
});
