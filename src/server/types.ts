import type { AppConfig } from '../config';
import type { Database, DatabaseKind } from '../db/client';
import type { AccessRule } from '../domain/access/policy';
import type { Actor } from '../domain/access/roles';
import type { Feature, SettingValues } from '../domain/settings/setting-definitions';
import type { Auth } from '../services/auth/create-auth';
import type { PaymentProvider } from '../services/payments/provider';
import type { LookupRider, RequestWaiver } from '../services/auth/look-up-request-session';

export interface AppDeps {
  db: Database;
  dbKind: DatabaseKind;
  auth: Auth;
  config: AppConfig;
  /** Stripe when configured, otherwise the manual provider (payments recorded by an admin). */
  payments: PaymentProvider;
  /** The clock every use case reads; tests move it. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The signed-in person, resolved for every route whose rule is not public. */
    actor: Actor | null;
    /** The signed-in person's name and email, as better-auth returned them. */
    sessionUser: { id: string; name: string; email: string } | null;
    /** The studio settings, read with the session for every route that is not public or has a feature flag. */
    settings: SettingValues | null;
    /** The current waiver version and the caller's accepted one, read with the session (ADR 0021). */
    waiver: RequestWaiver | null;
    /** What the route's lookup rider read with the session, and the values it read it with. */
    rode: { values: Record<string, unknown>; row: Record<string, unknown> | undefined } | null;
  }
  interface FastifyContextConfig {
    /** Who may call this route. Required on every /api route (checked at start-up). */
    access?: AccessRule;
    /** The feature flag this route belongs to; when it is off the route answers 404 FEATURE_DISABLED. */
    feature?: Feature;
    /**
     * Rows this route reads in the same round trip as the caller's session (ADR 0028). `values`
     * gives the rider's placeholders from the raw request (null: ride not, the route reads alone).
     */
    lookupRider?: {
      rider: LookupRider;
      values: (request: FastifyRequest, now: Date) => Record<string, unknown> | null;
    };
  }
}
