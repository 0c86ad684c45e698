import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendClassReminders } from '../../src/services/sessions/session-notifications';
import { as, createTestApp, type TestApp } from '../support/test-app';
import { clientWithCredits, makeSession, setUpStudio, type Studio } from './support';

const NOW = new Date('2026-03-20T12:00:00Z');
let t: TestApp;
let studio: Studio;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  studio = await setUpStudio(t);
});
afterAll(async () => t.close());

const reminders = async (client: Parameters<typeof as>[1]) =>
  (await as(t.app, client).get('/api/me/notifications'))
    .json()
    .items.filter((n: { kind: string }) => n.kind === 'class_reminder');

describe('class reminders are on by default (ADR 0022)', () => {
  it('reminds a client who never chose, 2 hours before; not one who turned them off', async () => {
    const chooser = await clientWithCredits(t, 1);
    const defaults = (await as(t.app, chooser).get('/api/me/session-preferences')).json();
    expect(defaults).toEqual({ bookingConfirmations: false, reminders: true, reminderHoursBefore: 2 });
    const sessionId = await makeSession(t, studio, '2026-03-20T13:30:00Z');
    const quiet = await clientWithCredits(t, 1);
    await as(t.app, quiet).put('/api/me/session-preferences', { reminders: false });
    await as(t.app, chooser).post(`/api/sessions/${sessionId}/registrations`);
    await as(t.app, quiet).post(`/api/sessions/${sessionId}/registrations`);

    // 3 hours before: outside the default 2 hours, nobody yet.
    await sendClassReminders(t.database.db, new Date('2026-03-20T10:30:00Z'));
    expect(await reminders(chooser)).toHaveLength(0);
    await sendClassReminders(t.database.db, NOW);
    expect(await reminders(chooser)).toHaveLength(1);
    expect(await reminders(quiet)).toHaveLength(0);
  });
});
