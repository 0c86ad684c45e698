import type { FastifyReply } from 'fastify';

/** Whether an If-None-Match header names this tag (a list, `*`, or weak `W/` forms, as RFC 9110 allows). */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const candidate = t.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === tag;
  });
}

/** 304 with no payload at all: a serialised `null` would announce a body (content-length 4) that HTTP drops. */
export function notModified(reply: FastifyReply): FastifyReply {
  return reply.code(304).send();
}
