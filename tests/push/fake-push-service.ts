import { execFileSync } from 'node:child_process';
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// web-push's own encryption library (RFC 8188), used here the other way round: to decrypt as a browser would.
import ece from 'http_ece';

/**
 * A push service on 127.0.0.1 (the HTTP edge of Firefox's or Google's): it records each request
 * and answers with the next status queued (201 otherwise). The web-push library really encrypts
 * and signs; this side checks the VAPID signature and decrypts the payload as a browser would.
 */
export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FakePushService {
  origin: string;
  /** Trusts this service's self-signed certificate (passed to the sender in tests only). */
  agent: Agent;
  received: ReceivedPush[];
  answerNext(...statuses: number[]): void;
  /** A browser's subscription at this service: its endpoint and keys, and what decrypts its pushes. */
  newBrowser(name: string): FakeBrowser;
  close(): Promise<void>;
}

export interface FakeBrowser {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  decrypt(push: ReceivedPush): unknown;
}

/** A certificate for 127.0.0.1, made now (never committed: a private key has no place in the repository). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'roster-push-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const result = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export async function startFakePushService(): Promise<FakePushService> {
  const { key, cert } = selfSignedCertificate();
  const received: ReceivedPush[] = [];
  const queued: number[] = [];
  const server: Server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = queued.shift() ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    agent: new Agent({ ca: cert }),
    received,
    answerNext: (...statuses) => queued.push(...statuses),
    newBrowser: (name) => fakeBrowser(`${origin}/push/${name}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fakeBrowser(endpoint: string): FakeBrowser {
  const ecdh: ECDH = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    endpoint,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    decrypt: (push) =>
      JSON.parse(
        ece.decrypt(push.body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString(),
      ) as unknown,
  };
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` as a push service does: the JWT is ES256
 * over the claims with the key in `k`. Returns the claims (aud, exp, sub).
 */
export function verifiedVapidClaims(authorization: string | undefined, expectedPublicKey: string) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`Not a VAPID authorization: ${authorization}`);
  const [, jwt, k] = match as unknown as [string, string, string];
  if (k !== expectedPublicKey) throw new Error('Signed with another key');
  const [header, claims, signature] = jwt.split('.') as [string, string, string];
  const point = Buffer.from(k, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('The VAPID signature does not verify');
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; exp: number; sub: string };
}
