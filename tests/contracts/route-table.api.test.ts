import Fastify, { type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { apiContract, type RouteContract } from '../../src/contracts/routes';
import { apiRoutes } from '../../src/server/routes';

/** Routes that answer something other than JSON, so the web's typed client never calls them. */
const NOT_JSON = new Set(['GET /api/me/calendar.ics']);

/**
 * The web types its calls from `apiContract`; this proves the server validates and serialises
 * with those very schema objects, so the two cannot drift apart.
 */
describe('the route table is the contract the server serves', async () => {
  const registered = new Map<string, RouteOptions>();
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', {} as never);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') registered.set(`${method} ${route.url}`, route);
  });
  for (const routes of apiRoutes) await app.register(routes);
  await app.ready();
  const table = apiContract as Record<string, RouteContract>;

  it('lists every JSON route the server registers, and no other', () => {
    const served = [...registered.keys()].filter((key) => !NOT_JSON.has(key)).sort();
    expect(Object.keys(table).sort()).toEqual(served);
  });

  it.each(Object.keys(table))('%s uses the table’s schemas', (key) => {
    const contract = table[key]!;
    const schema = registered.get(key)?.schema as
      { params?: unknown; querystring?: unknown; body?: unknown; response?: Record<number, unknown> } | undefined;
    expect(schema, key).toBeDefined();
    expect(schema!.params).toBe(contract.params);
    expect(schema!.querystring).toBe(contract.query);
    expect(schema!.body).toBe(contract.body);
    const success = schema!.response?.[200] ?? schema!.response?.[201] ?? schema!.response?.[202];
    expect(success).toBe(contract.response);
    if (contract.created) expect(schema!.response?.[201]).toBe(contract.created);
  });
});
