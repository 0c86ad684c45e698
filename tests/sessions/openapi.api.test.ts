import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('group sessions in the OpenAPI document', () => {
  it('documents every route with its request and response schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const expected: Array<[string, string]> = [
      ['/api/class-types', 'get'],
      ['/api/class-types', 'post'],
      ['/api/class-types/{id}', 'patch'],
      ['/api/sessions', 'get'],
      ['/api/sessions', 'post'],
      ['/api/sessions/{id}', 'get'],
      ['/api/sessions/{id}', 'patch'],
      ['/api/sessions/{id}/cancel', 'post'],
      ['/api/schedules', 'post'],
      ['/api/sessions/{id}/registrations', 'post'],
      ['/api/sessions/{id}/registrations/me', 'delete'],
      ['/api/registrations/{id}', 'delete'],
      ['/api/sessions/{id}/attendance', 'post'],
      ['/api/me/registrations', 'get'],
      ['/api/me/calendar-feed', 'get'],
      ['/api/me/calendar-feed/reset', 'post'],
      ['/api/me/calendar.ics', 'get'],
      ['/api/me/session-preferences', 'get'],
      ['/api/me/session-preferences', 'put'],
    ];
    for (const [path, method] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(op.summary, `${method.toUpperCase()} ${path} summary`).toMatch(/\w/);
    }
    const list = doc.paths['/api/sessions'].get.responses['200'].content['application/json'].schema;
    expect(list.items.properties.startTime).toMatchObject({ type: 'string', format: 'date-time' });
    expect(Object.keys(list.items.properties)).toEqual(
      expect.arrayContaining([
        'classType',
        'coach',
        'attendingCount',
        'waitingCount',
        'isFull',
        'registrationsOpenAt',
        'registrationsCloseAt',
        'lateCancelsAfter',
        'creditCost',
        'myRegistration',
      ]),
    );
    const booking = doc.paths['/api/sessions/{id}/registrations'].post.responses;
    expect(Object.keys(booking)).toEqual(expect.arrayContaining(['200', '201', '404', '409', '422']));
  });
});
