import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/policy';
import { isFeatureEnabled } from '../../../domain/settings/setting-definitions';
import { listSettingsForAdmin, loadSettings, updateSetting } from '../../../services/settings/settings-service';
import { actorOf } from '../../plugins/access';
import { commonErrors } from '../../../contracts/common';
import {
  adminSettingList,
  publicSettings,
  settingBody,
  settingChanged,
  settingKeyParam,
  signInOptions,
} from '../../../contracts/account';

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
        payments: { online: app.deps.payments.online },
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
        response: { 200: signInOptions },
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
        response: { 200: adminSettingList, ...commonErrors },
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
        params: settingKeyParam,
        body: settingBody,
        response: { 200: settingChanged, ...commonErrors },
      },
    },
    async (request) => updateSetting(app.deps.db, actorOf(request).id, request.params.key, request.body.value),
  );
}
