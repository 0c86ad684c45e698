import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, browserHeaders, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

/**
 * Fuzzes every route of the app's own OpenAPI document, as every role, with generated bad input:
 * wrong types, missing and extra fields, huge and NUL strings, far dates and malformed ids.
 * Asserts: no 5xx, every 4xx has the error shape, and a refused write leaves no row behind.
 *
 * Bounded for CI: a fixed seed and FUZZ_RUNS requests per route and role (default 3).
 * A larger run: FUZZ_RUNS=60 FUZZ_SEED=7 npx vitest run tests/api/openapi-fuzz.api.test.ts
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
};
type Operation = {
  parameters?: { in: 'path' | 'query'; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Role = 'anonymous' | 'CLIENT' | 'COACH' | 'ADMIN';

const HUGE = 'x'.repeat(200_000);
const FAR_DATES = [
  '0001-01-01',
  '9999-12-31',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59+14:00',
  '1900-02-29',
];
const BAD_IDS = ['', 'x', 'not-an-id', '../../etc/passwd', '00000000-0000-0000-0000-000000000000', '%'];
const NUL_STRINGS = ['\u0000', 'a\u0000b', 'Name\u0000'];
const NASTY_STRINGS = [...NUL_STRINGS, ...FAR_DATES, ...BAD_IDS, ' ', '\r\n<script>x</script>', HUGE];
const WRONG_TYPES: unknown[] = [0, -1, 1e308, 3.5, true, null, [], {}, ['a'], { nested: { deep: 1 } }];

/** Where a path id points, by route: a real row, so the fuzz reaches the services too. */
interface Fixtures {
  classTypeId: string;
  sessionId: string;
  cohortId: string;
  planId: string;
  targetUserId: string;
  coachId: string;
}

/** Valid bodies for the creating routes, so an aimed bad value is the only thing wrong with them. */
function validBody(route: string, fx: Fixtures): object | undefined {
  const { classTypeId, coachId, planId } = fx;
  const bodies: Record<string, object> = {
    'POST /api/cohorts': { name: 'Fuzz', startDate: '2026-12-07', weeks: 4, coachIds: [coachId] },
    'POST /api/sessions': { classTypeId, coachId, startTime: '2026-12-10T09:00:00Z' },
    'POST /api/schedules': {
      classTypeId,
      coachId,
      daysOfWeek: ['MON'],
      localTime: '07:00',
      fromDate: '2026-12-07',
      toDate: '2026-12-20',
    },
    'POST /api/admin/users/{id}/memberships': { planId, startDate: '2026-12-07' },
    'POST /api/admin/users/{id}/credits': { amount: 1, reason: 'Fuzz' },
  };
  return bodies[route];
}

function realId(path: string, param: string, fx: Fixtures): string {
  if (param === 'userId') return fx.targetUserId;
  if (param === 'week') return '1';
  if (param === 'date') return '2026-12-01';
  if (param === 'key') return 'studio.name';
  if (path.startsWith('/api/sessions')) return fx.sessionId;
  if (path.startsWith('/api/class-types')) return fx.classTypeId;
  if (path.startsWith('/api/cohorts')) return fx.cohortId;
  if (path.startsWith('/api/admin/plans')) return fx.planId;
  if (path.startsWith('/api/admin/users')) return fx.targetUserId;
  return fx.sessionId;
}

function variants(schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
}

/** A plausible value for a schema (so some requests get past validation), else bad input. */
function plausible(schema: JsonSchema | undefined, fx: Fixtures): fc.Arbitrary<unknown> {
  const all = variants(schema);
  const withEnum = all.find((s) => s.enum);
  if (withEnum?.enum) return fc.constantFrom(...withEnum.enum);
  const types = all.flatMap((s) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []));
  const formats = all.map((s) => s.format).filter(Boolean);
  if (formats.includes('uuid')) return fc.constantFrom(fx.classTypeId, fx.sessionId, fx.cohortId, fx.planId);
  if (formats.includes('date-time')) return fc.constantFrom('2026-12-10T09:00:00Z', '2027-01-05T18:30:00+01:00');
  if (types.includes('integer') || types.includes('number')) {
    const s = all.find((v) => v.minimum !== undefined || v.maximum !== undefined);
    return fc.integer({ min: Math.max(s?.minimum ?? -5, -1000), max: Math.min(s?.maximum ?? 50, 1000) });
  }
  if (types.includes('boolean')) return fc.boolean();
  if (types.includes('array')) return fc.array(plausible(all.find((s) => s.items)?.items, fx), { maxLength: 3 });
  if (types.includes('object'))
    return objectOf(
      all.find((s) => s.properties),
      fx,
    );
  return fc.oneof(fc.constantFrom('2026-12-10', 'Morning class', fx.targetUserId), fc.string({ maxLength: 12 }));
}

function nasty(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...WRONG_TYPES));
}

function fieldValue(schema: JsonSchema | undefined, fx: Fixtures): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: nasty(), weight: 3 }, { arbitrary: plausible(schema, fx), weight: 2 });
}

/** An object for a schema: each field left out (missing), plausible or bad; sometimes an extra field. */
function objectOf(schema: JsonSchema | undefined, fx: Fixtures): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema?.properties ?? {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, fc.option(fieldValue(s, fx), { nil: undefined })]),
  );
  const extra = fc.option(
    fc.record({ key: fc.constantFrom('role', 'id', 'userId', '__proto__x', 'x\u0000'), value: nasty() }),
    { nil: undefined },
  );
  return fc.tuple(fc.record(fields), extra).map(([record, more]) => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== undefined) body[k] = v;
    if (more) body[more.key] = more.value;
    return body;
  });
}

function bodyOf(operation: Operation, fx: Fixtures): fc.Arbitrary<unknown> {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return fc.constant(undefined);
  return fc.oneof(
    { arbitrary: objectOf(schema, fx), weight: 8 },
    { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 1 },
  );
}

function queryOf(operation: Operation, fx: Fixtures): fc.Arbitrary<string> {
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const fields = Object.fromEntries(
    query.map((p) => [p.name, fc.option(fieldValue(p.schema, fx), { nil: undefined })]),
  );
  return fc.record(fields).map((record) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(record)) {
      if (v === undefined) continue;
      search.set(k, typeof v === 'string' ? (v.length > 8000 ? v.slice(0, 8000) : v) : JSON.stringify(v));
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

function pathOf(path: string, operation: Operation, fx: Fixtures): fc.Arbitrary<string> {
  const params = (operation.parameters ?? []).filter((p) => p.in === 'path');
  const values = params.map((p) =>
    fc.oneof(
      { arbitrary: fc.constant(realId(path, p.name, fx)), weight: 3 },
      { arbitrary: fc.constant(realId(path, p.name, fx).toUpperCase()), weight: 1 },
      { arbitrary: fc.constantFrom(...BAD_IDS.filter(Boolean), ...NUL_STRINGS, ...FAR_DATES, '-1', '1e9'), weight: 3 },
    ),
  );
  return fc
    .tuple(...values)
    .map((chosen) =>
      params.reduce((url, p, i) => url.replace(`{${p.name}}`, encodeURIComponent(chosen[i] as string)), path),
    );
}

/** Values aimed at one field: a NUL in any text, and year 1 / 9999 in anything that looks like a date. */
function aimedValues(name: string, schema: JsonSchema | undefined): unknown[] {
  const formats = variants(schema).map((s) => s.format);
  const dateLike = formats.includes('date-time') || /date|from|to$|until|time|start/i.test(name);
  return dateLike ? ['0001-01-01', '0001-01-01T00:00:00Z', '9999-12-31', '9999-12-31T23:59:59Z'] : ['a\u0000b'];
}

function one<T>(arbitrary: fc.Arbitrary<T>): T {
  return fc.sample(arbitrary, { seed: SEED, numRuns: 1 })[0]!;
}

/** A deterministic sweep: every field of every route, one at a time, gets each aimed value. */
function aimedRequests(
  method: string,
  path: string,
  operation: Operation,
  fx: Fixtures,
): { url: string; body: unknown }[] {
  const parameters = operation.parameters ?? [];
  const pathParams = Object.fromEntries(
    parameters.filter((p) => p.in === 'path').map((p) => [p.name, realId(path, p.name, fx)]),
  );
  const query = Object.fromEntries(
    parameters.filter((p) => p.in === 'query' && !p.schema?.enum).map((p) => [p.name, undefined as unknown]),
  );
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const body =
    validBody(`${method} ${path}`, fx) ??
    (schema ? (one(fc.record(mapValues(schema.properties ?? {}, (s) => plausible(s, fx)))) as object) : undefined);
  const build = (params: Record<string, string>, search: Record<string, unknown>, payload: unknown) => {
    const url = Object.entries(params).reduce((u, [k, v]) => u.replace(`{${k}}`, encodeURIComponent(v)), path);
    const q = new URLSearchParams(
      Object.entries(search).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ).toString();
    return { url: q ? `${url}?${q}` : url, body: payload };
  };
  const out: { url: string; body: unknown }[] = [];
  for (const p of parameters) {
    for (const value of aimedValues(p.name, p.schema)) {
      if (p.in === 'path') out.push(build({ ...pathParams, [p.name]: value as string }, {}, body));
      else out.push(build(pathParams, { ...query, [p.name]: value }, body));
    }
  }
  for (const [name, s] of Object.entries(schema?.properties ?? {}))
    for (const value of aimedValues(name, s)) out.push(build(pathParams, {}, { ...body, [name]: value }));
  return out;
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

const errorShape = (body: unknown) => {
  const error = (body as { error?: { code?: unknown; message?: unknown } })?.error;
  return typeof error?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(error.code) && typeof error.message === 'string';
};

let t: TestApp;
const actors: Partial<Record<Role, TestUser | null>> = { anonymous: null };
let fx: Fixtures;
let countRows: () => Promise<Record<string, number>>;

async function created(response: { statusCode: number; body: string; json(): unknown }): Promise<string> {
  if (response.statusCode >= 300) throw new Error(`fixture failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-05T10:00:00Z') });
  actors.CLIENT = await createUser(t.app, 'CLIENT');
  actors.COACH = await createUser(t.app, 'COACH');
  actors.ADMIN = await createUser(t.app, 'ADMIN');
  const target = await createUser(t.app, 'CLIENT');
  const admin = as(t.app, actors.ADMIN);
  const classTypeId = await created(
    await admin.post('/api/class-types', { name: 'Strength', defaultCapacity: 8, defaultDurationMins: 45 }),
  );
  const sessionId = await created(
    await admin.post('/api/sessions', {
      classTypeId,
      coachId: actors.COACH.id,
      startTime: '2026-12-08T09:00:00Z',
    }),
  );
  const cohortId = await created(
    await admin.post('/api/cohorts', {
      name: 'Winter',
      startDate: '2026-11-30',
      weeks: 8,
      coachIds: [actors.COACH.id],
    }),
  );
  const planId = await created(
    await admin.post('/api/admin/plans', { name: 'Ten pack', type: 'PACK', totalCredits: 10, price: 90 }),
  );
  fx = { classTypeId, sessionId, cohortId, planId, targetUserId: target.id, coachId: actors.COACH.id };

  // Every table except better-auth's own bookkeeping (sessions and rate limits change on any call).
  const tables = (await t.app.deps.db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public'
        and table_type = 'BASE TABLE' and table_name not in ('session', 'rate_limit', 'verification', '__drizzle_migrations')`,
  )) as unknown as { rows: { name: string }[] };
  const names = tables.rows.map((r) => r.name);
  const counts = sql.raw(`select ${names.map((n) => `(select count(*) from "${n}")::int as "${n}"`).join(', ')}`);
  countRows = async () =>
    ((await t.app.deps.db.execute(counts)) as unknown as { rows: Record<string, number>[] }).rows[0]!;
}, 60_000);
afterAll(async () => t?.close());

interface Fault {
  request: string;
  status: number;
  body: string;
  problem: string;
}

async function probe(method: string, url: string, role: Role, payload: unknown, faults: Fault[]) {
  const write = method !== 'GET';
  const before = write ? await countRows() : undefined;
  const headers = {
    ...browserHeaders(t.app, actors[role] ?? null),
    ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
  const describe = `${role} ${method} ${url.slice(0, 160)} ${JSON.stringify(payload)?.slice(0, 200) ?? ''}`;
  const fault = (problem: string) =>
    faults.push({ request: describe, status: response.statusCode, body: response.body.slice(0, 200), problem });
  if (response.statusCode >= 500) return fault('5xx');
  if (response.statusCode >= 400) {
    let body: unknown;
    try {
      body = response.json();
    } catch {
      body = undefined;
    }
    if (!errorShape(body)) fault('4xx without the error shape');
    if (before) {
      const after = await countRows();
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length) fault(`refused write left rows behind in ${changed.join(', ')}`);
    }
  }
}

describe('OpenAPI fuzz: no 5xx, the error shape on every 4xx, refused writes leave nothing behind', () => {
  it('every route, every role', async () => {
    const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const roles: Role[] = ['anonymous', 'CLIENT', 'COACH', 'ADMIN'];
    const faults: Fault[] = [];
    let requests = 0;
    let routeIndex = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/auth') || path.startsWith('/api/docs')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        routeIndex += 1;
        const requestArb = fc.record({
          role: fc.constantFrom(...roles),
          url: fc.tuple(pathOf(path, operation, fx), queryOf(operation, fx)).map(([p, q]) => p + q),
          body: bodyOf(operation, fx),
        });
        const samples = fc.sample(requestArb, { seed: SEED + routeIndex, numRuns: RUNS * roles.length });
        for (const sample of samples) {
          requests += 1;
          await probe(method.toUpperCase(), sample.url, sample.role, sample.body, faults);
        }
        // Aimed as the role that gets past the access check: a client on their own routes, else an admin.
        const aimedRole = path.startsWith('/api/me') ? 'CLIENT' : 'ADMIN';
        for (const aimed of aimedRequests(method.toUpperCase(), path, operation, fx)) {
          requests += 1;
          await probe(method.toUpperCase(), aimed.url, aimedRole, aimed.body, faults);
        }
      }
    }
    // better-auth's profile and sign-up endpoints are not in the OpenAPI document: fuzz their names here.
    const names = fc.sample(fc.constantFrom(...NASTY_STRINGS, ...WRONG_TYPES), { seed: SEED, numRuns: RUNS * 4 });
    for (const name of names) {
      requests += 1;
      await probe('POST', '/api/auth/update-user', 'CLIENT', { name }, faults);
    }
    if (faults.length) {
      const summary = faults.map((f) => `${f.status} ${f.problem}: ${f.request} → ${f.body}`).join('\n');
      console.log(`${faults.length} faults in ${requests} requests:\n${summary}`);
    }
    expect(faults).toEqual([]);
  }, 600_000);
});
