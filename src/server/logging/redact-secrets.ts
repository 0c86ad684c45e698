import type { FastifyRequest } from 'fastify';

/*
 * Some addresses carry a secret in their query string — the private calendar feed
 * (`/api/me/calendar.ics?token=…`) that Google and Apple Calendar poll. Anyone who can read the
 * server's logs must not be able to subscribe to a client's classes, so the value of every
 * `token` query parameter is replaced before a line is written.
 */

const SECRET_QUERY_VALUE = /([?&]token=)[^&#\s]*/gi;

/** The URL with the value of each `token=` query parameter replaced by `[REDACTED]`. */
export function redactSecretsInUrl(url: string): string {
  return url.replace(SECRET_QUERY_VALUE, '$1[REDACTED]');
}

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
  serializers: { req: requestWithoutSecrets },
  hooks: {
    logMethod(this: unknown, args: Parameters<typeof redactArgs>[0], method: (...args: unknown[]) => void) {
      return method.apply(this, redactArgs(args));
    },
  },
};
