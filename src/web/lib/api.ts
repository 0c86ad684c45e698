import type { z } from 'zod';
import type { FieldError } from '../../contracts/common';
import type { ApiContract } from '../../contracts/routes';
import type { ErrorCode } from '../../domain/shared/error-codes';
import { toast } from 'sonner';
import { CACHED_AT_HEADER } from '../pwa/offline-rules';
import { reportAnswer } from '../pwa/offline-state';

/** The codes an `ApiError` can carry: the server's, and the two this client makes up itself. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'HTTP_ERROR';

/**
 * An error the API answered with: `{ error: { code, message, fields? } }` and its HTTP status.
 * `fields` names each request field that was wrong, so a form shows the message under it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
/** Lets the app react to errors globally (e.g. refresh feature flags on FEATURE_DISABLED). */
export function onApiError(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ── Types of each call, from the route table of src/contracts ────────────────────────────────
// What travels is the wire (encoded) form of each schema, `z.input`: a `timestamp` is an ISO string
// here, never a Date, both in what the web sends and in what it reads back.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteKey = keyof ApiContract;
type PathOf<M extends Method> = RouteKey extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;
type RouteOf<M extends Method, P extends string> = ApiContract[`${M} ${P}` & RouteKey];

/** The JSON a route answers with (its 200 body, or either body when 200 and 201 differ). */
export type ApiResponse<K extends RouteKey> =
  | z.input<ApiContract[K]['response']>
  | (ApiContract[K] extends { created: infer C extends z.ZodType } ? z.input<C> : never);
/** The JSON body a route accepts. */
export type ApiBody<K extends RouteKey> = ApiContract[K] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;

type Options<R> = (R extends { params: infer S extends z.ZodType } ? { params: z.input<S> } : unknown) &
  (R extends { query: infer S extends z.ZodType } ? { query?: z.input<S> } : unknown) &
  (R extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : unknown);
// The options argument may be left out when nothing in it is required.
type Args<R> = object extends Options<R> ? [options?: Options<R>] : [options: Options<R>];
type RequestOptions = { params?: Record<string, unknown>; query?: unknown; body?: unknown };

async function request(method: Method, template: string, options: RequestOptions = {}): Promise<unknown> {
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(paramText(options.params?.[name])));
  const url = path + qs((options.query ?? {}) as Record<string, unknown>);
  const body = options.body;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    // A change that needs the server says so out loud (a toast), whatever screen it came from.
    const message = navigator.onLine
      ? 'Could not reach the studio server. Check your connection and try again.'
      : "You're offline — try again when you're connected.";
    if (method !== 'GET') toast.error(message, { id: 'network-error' });
    throw new ApiError(0, 'NETWORK_ERROR', message);
  }
  // Served by the service worker's cache when the network failed: the offline banner says from when.
  if (method === 'GET') reportAnswer(response.headers.get(CACHED_AT_HEADER));
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const err = (data as { error?: { code?: ErrorCode; message?: string; fields?: FieldError[] } } | null)?.error;
    const error = new ApiError(
      response.status,
      err?.code ?? 'HTTP_ERROR',
      err?.message ?? `Request failed (${response.status})`,
      err?.fields ?? [],
    );
    listeners.forEach((l) => l(error));
    throw error;
  }
  return data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function caller<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, ...[options]: Args<RouteOf<M, P>>) =>
    // The cast keeps TypeScript from expanding every route's options into one union (TS2590).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    request(method, path, options as RequestOptions) as Promise<ApiResponse<`${M} ${P}` & RouteKey>>;
}

/**
 * The API, one call per route of `src/contracts/routes.ts`: `api.get('/api/sessions/:id',
 * { params: { id } })`. Path, params, query and body are checked against the route's schemas and
 * the answer is typed by its response schema.
 */
export const api = {
  get: caller('GET'),
  post: caller('POST'),
  put: caller('PUT'),
  patch: caller('PATCH'),
  delete: caller('DELETE'),
};

/** A path or query value as text: strings, numbers and booleans; anything else is a caller's mistake. */
function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Builds a query string from the defined values only. */
export function qs(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, paramText(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The message to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}
