import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Roster reads. The README's configuration table mirrors this. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  BASE_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(16).optional(),
  SEED_DEMO: booleanFromEnv.optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  ADMIN_NAME: z.string().default('Studio Admin'),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default('Roster <no-reply@roster.local>'),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  JOBS_ENABLED: booleanFromEnv.default(true),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  baseUrl: string;
  /**
   * Origins whose browsers may sign in and change data: BASE_URL's, or — BASE_URL unset, a local
   * try-out — the loopback addresses on the serving port (localhost, 127.0.0.1, [::1]).
   */
  trustedOrigins: string[];
  authSecret: string;
  seedDemo: boolean;
  admin?: { email: string; password: string; name: string };
  smtpUrl?: string;
  emailFrom: string;
  google?: { clientId: string; clientSecret: string };
  trustProxy: boolean;
  jobsEnabled: boolean;
  logLevel: string;
  /** Requests per minute per IP on sign-in, sign-up and password reset. */
  authRateLimitPerMinute: number;
  /** Online payments (ADR 0019); absent = manual payments only, no "Buy" buttons. */
  stripe?: StripeConfig;
  /** Web Push signing (ADR 0020): keys from the environment, or made once and kept in the database. */
  vapid: { subject: string; keys?: { publicKey: string; privateKey: string } };
};

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** STRIPE_API_BASE split into the client's options (a test server such as stripe-mock). */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

function stripeApiOf(base: string | undefined): StripeConfig['api'] {
  if (!base) return undefined;
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

// Used only when BETTER_AUTH_SECRET is not set, i.e. the local embedded demo. A real
// deployment sets its own secret; `loadConfig` refuses to run PostgreSQL without one.
const DEV_ONLY_SECRET = 'roster-local-development-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.BETTER_AUTH_SECRET) {
    throw new Error('BETTER_AUTH_SECRET (at least 16 characters) is required with DATABASE_URL');
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) {
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  }
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (!e.STRIPE_SECRET_KEY !== !e.STRIPE_WEBHOOK_SECRET) {
    throw new Error('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    trustedOrigins: e.BASE_URL
      ? [new URL(e.BASE_URL).origin]
      : ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${e.PORT}`),
    authSecret: e.BETTER_AUTH_SECRET ?? DEV_ONLY_SECRET,
    // The demo studio is seeded by default only into the embedded database.
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME }
        : undefined,
    smtpUrl: e.SMTP_URL,
    emailFrom: e.EMAIL_FROM,
    google:
      e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
        ? { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }
        : undefined,
    trustProxy: e.TRUST_PROXY,
    jobsEnabled: e.JOBS_ENABLED,
    logLevel: e.LOG_LEVEL,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            api: stripeApiOf(e.STRIPE_API_BASE),
          }
        : undefined,
    vapid: {
      subject: e.VAPID_SUBJECT ?? vapidSubjectOf(e.EMAIL_FROM),
      keys:
        e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
          ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
          : undefined,
    },
  };
}

/** Push services contact a sender through this: by default the address emails come from. */
function vapidSubjectOf(emailFrom: string): string {
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom;
  return `mailto:${address.trim()}`;
}
