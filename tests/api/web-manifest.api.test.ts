import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortNameOf } from '../../src/server/plugins/web-manifest';
import { as, createTestApp, createUser, type TestApp, type TestUser } from '../support/test-app';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t.app, 'ADMIN');
});
afterAll(async () => t.close());

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

describe('web app manifest', () => {
  it('is public, installable and named after the studio once its name changes in settings', async () => {
    const changed = await as(t.app, admin).put('/api/admin/settings/studio.name', { value: 'Northside Strength Club' });
    expect(changed.statusCode).toBe(200);

    const r = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/manifest+json');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.json()).toMatchObject({
      name: 'Northside Strength Club',
      short_name: 'Northside',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0f766e',
    });
  });

  it('lists 192 px, 512 px and maskable icons, each served as the PNG of the size it claims', async () => {
    const icons = (await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' })).json().icons as ManifestIcon[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of [...icons, { src: '/icons/apple-touch-icon.png', sizes: '180x180' }]) {
      const r = await t.app.inject({ method: 'GET', url: icon.src });
      expect(r.statusCode, icon.src).toBe(200);
      expect(r.headers['content-type']).toBe('image/png');
      // A PNG's IHDR chunk holds its width and height right after the 8-byte signature.
      const png = r.rawPayload;
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  });

  it('keeps a home-screen label short', () => {
    expect(shortNameOf('Pulse')).toBe('Pulse');
    expect(shortNameOf('Northside Strength Club')).toBe('Northside');
    expect(shortNameOf('Kraftwerkstattstudio Mitte')).toBe('Kraftwerkst…');
  });
});
