import { describe, expect, it } from 'vitest';
import { refuseWithoutWaiver } from './refuse-without-waiver';

const client = { id: 'c1', role: 'CLIENT' as const };
const coach = { id: 'k1', role: 'COACH' as const };

describe('refuseWithoutWaiver', () => {
  it('lets everyone book while the studio has no waiver', () => {
    expect(refuseWithoutWaiver(client, 'c1', { current: 0, accepted: null })).toBeNull();
  });

  it('refuses a client who never accepted, and one who accepted an older version', () => {
    expect(refuseWithoutWaiver(client, 'c1', { current: 2, accepted: null })?.code).toBe('WAIVER_REQUIRED');
    expect(refuseWithoutWaiver(client, 'c1', { current: 2, accepted: 1 })?.message).toMatch(/has changed/);
  });

  it('accepts the current version, and staff booking a client at the desk', () => {
    expect(refuseWithoutWaiver(client, 'c1', { current: 2, accepted: 2 })).toBeNull();
    expect(refuseWithoutWaiver(coach, 'c1', { current: 2, accepted: null })).toBeNull();
  });
});
