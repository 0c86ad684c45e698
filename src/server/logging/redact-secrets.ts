import type { FastifyRequest } from 'fastify';

/*
 * Anyone who can read the server's logs must not be able to act as a user. Some addresses carry a
 * secret: the private calendar feed (`/api/me/calendar.ics?token=…`), the emailed password-reset
 * link (`/api/auth/reset-password/<token>?callbackURL=…`), Google's sign-in callback
 * (`?code=…&state=…`). Their secret parts are replaced before a line is written, and the headers
 * that carry credentials (cookies, authorization) are censored wherever a log line includes them.
 */

const SECRET_QUERY_NAMES = [
  'token',
  'code',
  'state',
  'password',
  'secret',
  'access_token',
  'refresh_token',
  'id_token',
];
const SECRET_QUERY_VALUE = new RegExp(`([?&](?:${SECRET_QUERY_NAMES.join('|')})=)[^&#\\s]*`, 'gi');
/** Path segments that are secrets: the one after `/reset-password/` (better-auth's emailed link). */
const SECRET_PATH_SEGMENT = /(\/reset-password\/)[^/?#\s]+/gi;

/** The URL with its secret path segments and secret query values replaced by `[REDACTED]`. */
export function redactSecretsInUrl(url: string): string {
  return url.replace(SECRET_PATH_SEGMENT, '$1[REDACTED]').replace(SECRET_QUERY_VALUE, '$1[REDACTED]');
}

/** Header paths pino censors if a line ever carries request or response headers. */
const SECRET_HEADER_PATHS = ['cookie', 'authorization', 'proxy-authorization', 'set-cookie', 'x-api-key'].flatMap(
  (name) => [`req.headers["${name}"]`, `res.headers["${name}"]`, `headers["${name}"]`],
);

/** Fastify's own request serializer (method, url, host, remote address), with the URL redacted. */
function requestWithoutSecrets(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactSecretsInUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

function redactArgs(args: unknown[]): unknown[] {
  return args.map((arg) => (typeof arg === 'string' ? redactSecretsInUrl(arg) : arg));
}

/**
 * Pino options that keep secrets out of the logs: the request serializer, and a hook for
 * messages that quote the URL in their text (Fastify's "Route GET:/… not found").
 */
export const secretRedactingLogOptions = {
  redact: { paths: SECRET_HEADER_PATHS, censor: '[REDACTED]' },
  serializers: { req: requestWithoutSecrets },
  hooks: {
    logMethod(this: unknown, args: Parameters<typeof redactArgs>[0], method: (...args: unknown[]) => void) {
      return method.apply(this, redactArgs(args));
    },
  },
};
