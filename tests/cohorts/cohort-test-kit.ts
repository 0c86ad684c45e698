import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { as, createUser, type TestApp, type TestUser } from '../support/test-app';

/** Shared set-up for the cohorts API tests: people, a cohort through the API, and response helpers. */

export function ok<T = any>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

export function expectError(response: LightMyRequestResponse, status: number, code: string): string {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { error: { code: string; message: string; fields?: unknown } };
  const { fields, ...error } = body.error;
  expect({ error }).toEqual({ error: { code, message: expect.any(String) } });
  // A field-level problem also names its field, so a form can show the message under it.
  if (fields !== undefined) expect(fields).toContainEqual({ path: expect.any(String), message: expect.any(String) });
  return body.error.message;
}

export interface Cast {
  admin: TestUser;
  coach: TestUser;
  otherCoach: TestUser;
  client: TestUser;
  otherClient: TestUser;
}

export async function createCast(t: TestApp): Promise<Cast> {
  return {
    admin: await createUser(t.app, 'ADMIN', 'Alex Admin'),
    coach: await createUser(t.app, 'COACH', 'Gav Coach'),
    otherCoach: await createUser(t.app, 'COACH', 'Olive Othercoach'),
    client: await createUser(t.app, 'CLIENT', 'Sam Client'),
    otherClient: await createUser(t.app, 'CLIENT', 'Priya Otherclient'),
  };
}

export async function typeId(t: TestApp, user: TestUser, name: string): Promise<string> {
  const body = ok(await as(t.app, user).get('/api/cohort-types'));
  return body.cohortTypes.find((ct: { name: string }) => ct.name === name).id;
}

export async function createCohort(t: TestApp, coach: TestUser, body: Record<string, unknown>) {
  return ok(await as(t.app, coach).post('/api/cohorts', { coachIds: [coach.id], ...body }), 201);
}

export async function enrol(t: TestApp, coach: TestUser, cohortId: string, client: TestUser) {
  return ok(await as(t.app, coach).post(`/api/cohorts/${cohortId}/members`, { userId: client.id }), 201);
}
