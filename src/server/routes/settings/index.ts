import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/policy';
import { isFeatureEnabled } from '../../../domain/settings/setting-definitions';
import { listSettingsForAdmin, loadSettings, updateSetting } from '../../../services/settings/settings-service';
import { actorOf } from '../../plugins/access';
import { commonErrors, timestamp } from '../../../contracts/common';

const publicSettings = z.object({
  studio: z.object({ name: z.string(), timezone: z.string(), currency: z.string(), weekStartsOn: z.string() }),
  features: z.object({ appointments: z.boolean(), sessions: z.boolean(), cohorts: z.boolean() }),
});

const adminSetting = z.object({
  key: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  label: z.string(),
  help: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});

export default async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/settings/public',
    {
      config: { access: access.public },
      schema: {
        tags: ['settings'],
        summary: 'Studio details and feature flags (no sign-in needed)',
        response: { 200: publicSettings },
      },
    },
    async () => {
      const s = await loadSettings(app.deps.db);
      return {
        studio: {
          name: s['studio.name'],
          timezone: s['studio.timezone'],
          currency: s['studio.currency'],
          weekStartsOn: s['studio.weekStartsOn'],
        },
        features: {
          appointments: isFeatureEnabled(s, 'appointments'),
          sessions: isFeatureEnabled(s, 'sessions'),
          cohorts: isFeatureEnabled(s, 'cohorts'),
        },
      };
    },
  );

  r.get(
    '/api/settings/sign-in-options',
    {
      config: { access: access.public },
      schema: {
        tags: ['settings'],
        summary: 'Which sign-in methods this studio offers besides email and password',
        response: { 200: z.object({ google: z.boolean() }) },
      },
    },
    async () => ({ google: app.deps.config.google !== undefined }),
  );

  r.get(
    '/api/admin/settings',
    {
      config: { access: access.to('settings.manage') },
      schema: {
        tags: ['settings'],
        summary: 'Every setting with its default and last change',
        response: { 200: z.object({ settings: z.array(adminSetting) }), ...commonErrors },
      },
    },
    async () => ({ settings: await listSettingsForAdmin(app.deps.db) }),
  );

  r.put(
    '/api/admin/settings/:key',
    {
      config: { access: access.to('settings.manage') },
      schema: {
        tags: ['settings'],
        summary: 'Change one setting; takes effect at once for everyone',
        params: z.object({ key: z.string().min(1).max(100) }),
        body: z.object({ value: z.unknown() }),
        response: {
          200: z.object({ key: z.string(), value: z.unknown(), updatedBy: z.string(), updatedAt: timestamp }),
          ...commonErrors,
        },
      },
    },
    async (request) => updateSetting(app.deps.db, actorOf(request).id, request.params.key, request.body.value),
  );
}
