import { asc, eq } from 'drizzle-orm';
import { cohortTypes } from '../db/schema';
import type { Actor } from '../domain/access/roles';
import { cohortWeekDates } from '../domain/cohorts/cohort-calendar';
import type { Answers, Question } from '../domain/cohorts/questionnaire';
import { questionnaireWindow } from '../domain/cohorts/questionnaire-window';
import type { WeightUnit } from '../domain/cohorts/weight-units';
import { addLocalDays, localDateOf, type LocalDate } from '../domain/time/studio-week';
import { zonedDateTimeToUtc } from '../domain/time/wall-clock';
import { createCohort } from '../services/cohorts/create-cohort';
import { addCoachNote, putFeedback } from '../services/cohorts/feedback-and-notes';
import { enrolMember } from '../services/cohorts/memberships';
import { putMyCheckIn, setMyCheckInPreferences } from '../services/cohorts/my-check-ins';
import { getMyQuestionnaire, putMyQuestionnaire } from '../services/cohorts/my-questionnaire';
import { nudgeMembers } from '../services/cohorts/nudge-members';
import { loadSettings } from '../services/settings/settings-service';
import type { DemoSeedContext } from './steps';

/*
 * The demo studio's cohort: an 8-Week Transformation that started three weeks ago, coached by
 * Gav (lead) and Clare, with five of the demo clients. Everything goes through the same use
 * cases the API uses, each at the moment it would have happened (check-ins in the evening they
 * were made, questionnaires inside their window, feedback the day after), so the data obeys
 * every rule a real studio's would. Values come from a seeded generator: the same demo every time.
 */

interface DemoClient {
  key: string;
  unit: WeightUnit;
  /** Chance of checking in on a given day. */
  diligence: number;
  startKg: number;
  kgPerWeek: number;
  /** Days (1-based cohort days) with no check-in, on top of chance: a holiday, a busy week. */
  gaps: number[];
  energy: (day: number) => number;
  /** Questionnaire weeks answered (others are missed, or still open in week 3). */
  answers: number[];
}

const CLIENTS: DemoClient[] = [
  {
    key: 'client1',
    unit: 'ST_LB',
    diligence: 0.92,
    startKg: 86.4,
    kgPerWeek: -0.6,
    gaps: [10],
    energy: () => 7,
    answers: [1, 2, 3],
  },
  {
    key: 'client2',
    unit: 'KG',
    diligence: 0.78,
    startKg: 72.1,
    kgPerWeek: -0.3,
    gaps: [6, 7],
    energy: () => 6,
    answers: [1],
  },
  {
    key: 'client3',
    unit: 'KG',
    diligence: 0.97,
    startKg: 64.8,
    kgPerWeek: -0.4,
    gaps: [],
    energy: () => 8,
    answers: [1, 2, 3],
  },
  // Shift work: misses days lately, which the coach's review queue flags.
  {
    key: 'client4',
    unit: 'LB',
    diligence: 0.6,
    startKg: 98.3,
    kgPerWeek: -0.2,
    gaps: [17, 18, 19, 20, 21],
    energy: () => 5,
    answers: [2],
  },
  // Energy sliding in week 3: a falling trend the coach should notice.
  {
    key: 'client5',
    unit: 'ST_LB',
    diligence: 0.88,
    startKg: 79.5,
    kgPerWeek: -0.5,
    gaps: [3],
    energy: (d) => (d <= 14 ? 7 : 4),
    answers: [1, 2],
  },
];

const WINS = [
  'Hit every session this week',
  'Cooked at home five nights',
  'New PB on deadlift',
  'Walked to work every day',
  'Slept 7+ hours most nights',
];
const CHALLENGES = [
  'Late nights at work',
  'A birthday weekend',
  'Sore knees after Tuesday',
  'Snacking in the afternoon',
  'Travel midweek',
];
const NUTRITION = ['Protein at breakfast', 'Weekend portions', 'Evening snacking', 'Drinking enough water'];
const GOALS = [
  'Prep lunches on Sunday',
  'Lights out by 11',
  'Ten thousand steps a day',
  'Three strength sessions',
  'No phone at dinner',
];

/** mulberry32: a tiny seeded generator, so the demo is the same on every start. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answersFor(questions: readonly Question[], pick: () => number, week: number, client: DemoClient): Answers {
  const text = (pool: string[]) => pool[Math.floor(pick() * pool.length)]!;
  const answers: Answers = {};
  for (const q of questions) {
    if (q.kind === 'number')
      answers[q.id] = Math.max(
        q.min ?? 0,
        Math.min(q.max ?? 7, Math.round(client.diligence * 6 + pick() * 2 - (week === 3 ? 1 : 0))),
      );
    else if (q.kind === 'scale') answers[q.id] = 5 + Math.floor(pick() * 5);
    else if (q.kind === 'single-choice') answers[q.id] = q.options![0]!;
    else if (q.id === 'wins') answers[q.id] = text(WINS);
    else if (q.id === 'challenges') answers[q.id] = text(CHALLENGES);
    else if (q.id === 'nutrition-help') answers[q.id] = text(NUTRITION);
    else answers[q.id] = text(GOALS);
  }
  return answers;
}

const FEEDBACK = [
  'Strong first week — your check-ins were consistent and your goal for next week is specific. Keep the Sunday prep going.',
  'Good progress on the scale and your sessions. Sleep is the next lever: aim for the same bedtime five nights out of seven.',
  'Well done for getting back on track after a tricky week. Pick one meal a day to plan ahead and build from there.',
];

export async function seedCohorts({ db, now, userIdByKey }: DemoSeedContext): Promise<void> {
  const timeZone = (await loadSettings(db))['studio.timezone'];
  const today = localDateOf(now, timeZone);
  const startDate = addLocalDays(today, -21);
  const at = (date: LocalDate, time: string) => zonedDateTimeToUtc(date, time, timeZone);
  const gav: Actor = { id: userIdByKey.coach1!, role: 'COACH' };
  const clare: Actor = { id: userIdByKey.coach2!, role: 'COACH' };
  const [type] = await db
    .select()
    .from(cohortTypes)
    .where(eq(cohortTypes.name, '8-Week Transformation'))
    .orderBy(asc(cohortTypes.createdAt));

  const cohort = await createCohort(
    db,
    gav,
    {
      name: 'Northside 8-Week Transformation',
      typeId: type?.id,
      weeks: 8,
      startDate,
      coachIds: [gav.id, clare.id],
      capacity: 12,
    },
    at(addLocalDays(startDate, -10), '12:00'),
  );
  const pick = generator(20260323);
  for (const client of CLIENTS) {
    const actor: Actor = { id: userIdByKey[client.key]!, role: 'CLIENT' };
    await enrolMember(db, gav, cohort.id, { userId: actor.id }, at(addLocalDays(startDate, -5), '10:00'));
    await setMyCheckInPreferences(db, actor, { weightUnit: client.unit }, at(addLocalDays(startDate, -4), '20:00'));
    // Check-ins: each made on its own evening (so inside the check-in window), gaps and all.
    for (let day = 1; day <= 22; day++) {
      if (client.gaps.includes(day) || pick() > client.diligence) continue;
      const date = addLocalDays(startDate, day - 1);
      if (date === today && (client.key === 'client2' || client.key === 'client4')) continue; // not checked in yet today
      const kg = client.startKg + (client.kgPerWeek * (day - 1)) / 7 + (pick() - 0.5) * 0.8;
      const values: Record<string, unknown> = {
        weight: Math.round(kg * 10) / 10,
        steps: Math.round(5000 + pick() * 7000),
        sleepHours: Math.round((6 + pick() * 2.5) * 2) / 2,
        sleepQuality: Math.min(10, Math.max(1, Math.round(client.energy(day) + pick() * 2 - 1))),
        energy: Math.min(10, Math.max(1, Math.round(client.energy(day) + pick() * 2 - 1))),
        stress: Math.round(3 + pick() * 3),
        trainedToday: pick() < 0.6,
      };
      if (pick() < 0.5) values.water = Math.round((1.5 + pick() * 1.5) * 10) / 10;
      if (pick() < 0.4) values.calories = Math.round(1700 + pick() * 900);
      if (day % 7 === 1) values.bodyFat = Math.round((client.startKg > 85 ? 29 : 24) - day / 14);
      await putMyCheckIn(db, actor, date, values, date === today ? now : at(date, '20:30'));
    }
    // Questionnaires: answered inside their windows; weeks not answered are missed (or, for week 3, still open).
    for (const week of client.answers) {
      const window = questionnaireWindow(cohort, week, timeZone);
      // The evening of the day it opened (for week 3, which opened yesterday, no later than now).
      const answeredAt = new Date(Math.min(window.opensAt.getTime() + 20 * 3_600_000, now.getTime() - 60_000));
      const { questions } = await getMyQuestionnaire(db, actor, week, answeredAt);
      await putMyQuestionnaire(
        db,
        actor,
        week,
        { answers: answersFor(questions, pick, week, client), submit: true },
        answeredAt,
      );
      // Weeks 1 and 2 got their feedback the day after — except Megan's week 2, which waits in the
      // review queue (with her falling energy flagged) beside the week 3 answers.
      if (week < 3 && !(client.key === 'client5' && week === 2)) {
        const coach = week === 1 ? gav : clare;
        await putFeedback(
          db,
          coach,
          cohort.id,
          actor.id,
          week,
          { message: FEEDBACK[(week + client.key.length) % FEEDBACK.length]!, publish: true },
          at(cohortWeekDates(startDate, week + 1).startDate, '18:00'),
        );
      }
    }
  }
  // Today is day 1 of week 4, so week 3's questionnaire is open: Megan has a draft of it.
  const megan: Actor = { id: userIdByKey.client5!, role: 'CLIENT' };
  await putMyQuestionnaire(db, megan, 3, { answers: { wins: 'Kept my step count up despite the rain' } }, now);
  await putFeedback(
    db,
    clare,
    cohort.id,
    userIdByKey.client3!,
    3,
    { message: 'Lovely consistency. Draft: mention the squat depth video.' },
    now,
  );
  await addCoachNote(
    db,
    gav,
    cohort.id,
    userIdByKey.client4!,
    'Working night shifts until the end of the month — check-ins will be patchy; agreed to aim for 4 a week.',
    at(addLocalDays(today, -6), '09:15'),
  );
  await addCoachNote(
    db,
    clare,
    cohort.id,
    userIdByKey.client5!,
    'Said work stress is up. Keep an eye on sleep and energy.',
    at(addLocalDays(today, -2), '17:40'),
  );
  await nudgeMembers(
    db,
    gav,
    cohort.id,
    { notCheckedInForDays: 3, message: "Haven't seen a check-in for a few days — a quick one tonight?" },
    at(addLocalDays(today, -1), '12:00'),
  );
}
