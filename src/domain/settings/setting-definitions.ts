import { z } from 'zod';

export const FEATURES = ['appointments', 'sessions', 'cohorts'] as const;
export type Feature = (typeof FEATURES)[number];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Zone names already found valid: building an Intl formatter costs ~100 µs, and settings are read on every request. */
const knownTimeZones = new Set<string>();

function isValidTimeZone(tz: string): boolean {
  if (knownTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    knownTimeZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every setting Roster knows: its JSON shape, its default, and how the admin page labels it.
 * A key that is not here is refused; a value that fails its schema is refused.
 */
export const SETTING_DEFINITIONS = {
  'features.appointments.enabled': {
    schema: z.boolean(),
    default: false,
    label: '1-on-1 appointments',
    help: 'Show 1-on-1 appointments to coaches and clients.',
  },
  'features.sessions.enabled': {
    schema: z.boolean(),
    default: true,
    label: 'Group classes',
    help: 'Bookable group sessions with credits and waitlists.',
  },
  'features.cohorts.enabled': {
    schema: z.boolean(),
    default: true,
    label: 'Coaching cohorts',
    help: 'Multi-week programs with check-ins, questionnaires and coach feedback.',
  },
  'studio.name': {
    schema: z.string().trim().min(1, 'Studio name cannot be empty').max(80),
    default: 'Roster Studio',
    label: 'Studio name',
    help: 'Shown in the app header and in emails.',
  },
  'studio.timezone': {
    schema: z.string().refine(isValidTimeZone, 'Not a known IANA time zone (e.g. Europe/London)'),
    default: 'Europe/London',
    label: 'Time zone',
    help: 'Class times, weeks and check-in days are counted in this time zone.',
  },
  'studio.currency': {
    schema: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code, e.g. GBP'),
    default: 'GBP',
    label: 'Currency',
    help: 'ISO 4217 code used for plan prices.',
  },
  'studio.weekStartsOn': {
    schema: z.enum(WEEKDAYS),
    default: 'Monday' as (typeof WEEKDAYS)[number],
    label: 'Week starts on',
    help: 'First day of the week in calendars.',
  },
  'payments.grantWhilePending': {
    schema: z.boolean(),
    default: false,
    label: 'Give the first week while a Direct Debit is pending',
    help: "A monthly plan paid by Direct Debit starts at once with one week's credits; if the bank does not pay, the plan stops and unused credits are taken back.",
  },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export type SettingValues = { [K in SettingKey]: z.output<(typeof SETTING_DEFINITIONS)[K]['schema']> };

export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_DEFINITIONS, key);
}

export const featureSettingKey = (feature: Feature): SettingKey => `features.${feature}.enabled` as SettingKey;

export function defaultSettings(): SettingValues {
  const entries = SETTING_KEYS.map((k) => [k, SETTING_DEFINITIONS[k].default]);
  return Object.fromEntries(entries) as SettingValues;
}

/** Stored rows over defaults; a stored value that no longer validates falls back to the default. */
export function resolveSettings(stored: ReadonlyArray<{ key: string; value: unknown }>): SettingValues {
  const values: Record<string, unknown> = defaultSettings();
  for (const row of stored) {
    if (!isSettingKey(row.key)) continue;
    const parsed = SETTING_DEFINITIONS[row.key].schema.safeParse(row.value);
    if (parsed.success) values[row.key] = parsed.data;
  }
  return values as SettingValues;
}

export function isFeatureEnabled(settings: SettingValues, feature: Feature): boolean {
  return settings[featureSettingKey(feature)] === true;
}
