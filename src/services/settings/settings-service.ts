import type { Database, Executor } from '../../db/client';
import { systemSettings } from '../../db/schema';
import { DomainError } from '../../domain/shared/domain-error';
import {
  SETTING_DEFINITIONS,
  isSettingKey,
  resolveSettings,
  type SettingValues,
} from '../../domain/settings/setting-definitions';
import { recordAudit } from '../audit/record-audit';

/**
 * Settings are read from the database on every use (one small query) rather than cached in
 * memory, so a change made through any app instance takes effect at once on all of them.
 */
export async function loadSettings(db: Executor): Promise<SettingValues> {
  const rows = await db.select({ key: systemSettings.key, value: systemSettings.value }).from(systemSettings);
  return resolveSettings(rows);
}

export async function listSettingsForAdmin(db: Database) {
  const rows = await db.select().from(systemSettings);
  const values = resolveSettings(rows);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Object.entries(SETTING_DEFINITIONS).map(([key, def]) => ({
    key,
    value: values[key as keyof SettingValues],
    defaultValue: def.default,
    label: def.label,
    help: def.help,
    updatedBy: byKey.get(key)?.updatedBy ?? null,
    updatedAt: byKey.get(key)?.updatedAt ?? null,
  }));
}

export async function updateSetting(db: Database, actorId: string, key: string, rawValue: unknown) {
  if (!isSettingKey(key)) throw new DomainError('UNKNOWN_SETTING', `There is no setting called "${key}"`);
  const parsed = SETTING_DEFINITIONS[key].schema.safeParse(rawValue);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_ERROR', `${key}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`, {
      field: key,
    });
  }
  return db.transaction(async (tx) => {
    const before = (await loadSettings(tx))[key];
    const now = new Date();
    await tx
      .insert(systemSettings)
      .values({ key, value: parsed.data, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({
        target: systemSettings.key,
        set: { value: parsed.data, updatedBy: actorId, updatedAt: now },
      });
    await recordAudit(tx, {
      actorId,
      action: 'setting.updated',
      targetType: 'setting',
      targetId: key,
      before,
      after: parsed.data,
    });
    return { key, value: parsed.data, updatedBy: actorId, updatedAt: now };
  });
}
