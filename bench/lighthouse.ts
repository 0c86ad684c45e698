import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_ACCOUNTS } from '../src/seed/demo-accounts';
import { startDemoServer } from './phone/demo-server';

/*
 * `npm run bench:lighthouse`: Lighthouse (mobile: a mid-range phone, simulated Slow 4G and 4× CPU)
 * on the sign-in page and a client's Classes, against the built app and the demo studio.
 * Lighthouse 12 dropped its PWA category, so the installability checks it used to make are made
 * here: the manifest's fields and icons, the service worker served uncached. Prints figures; never a test.
 * CHROMIUM_PATH overrides /usr/bin/chromium.
 */

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'interactive'] as const;

async function installability(baseUrl: string) {
  const manifest = (await (await fetch(`${baseUrl}/manifest.webmanifest`)).json()) as {
    name?: string;
    short_name?: string;
    display?: string;
    start_url?: string;
    icons?: Array<{ sizes: string; purpose?: string }>;
  };
  const sw = await fetch(`${baseUrl}/sw.js`);
  const sizes = new Set(manifest.icons?.map((i) => i.sizes));
  return {
    'manifest name / short name': `${manifest.name} / ${manifest.short_name}`,
    'display standalone': manifest.display === 'standalone',
    start_url: manifest.start_url,
    'icons 192 and 512': sizes.has('192x192') && sizes.has('512x512'),
    'maskable icon': manifest.icons?.some((i) => i.purpose === 'maskable') ?? false,
    'service worker served, not cached': sw.ok && sw.headers.get('cache-control') === 'no-cache',
  };
}

async function main() {
  const server = await startDemoServer();
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const client = DEMO_ACCOUNTS.find((a) => a.key === 'client1')!;
    const cookie = await server.cookieOf(client.email);
    const pages = [
      { name: 'sign-in', url: `${server.baseUrl}/sign-in`, headers: {} as Record<string, string> },
      {
        name: 'Classes (client)',
        url: `${server.baseUrl}/classes`,
        headers: { cookie: `${cookie.name}=${cookie.value}` },
      },
    ];
    for (const page of pages) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        extraHeaders: page.headers,
      });
      const lhr = result!.lhr;
      const scores = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join(' · ');
      const metrics = METRICS.map((m) => `${m} ${lhr.audits[m]?.displayValue ?? '?'}`).join(' · ');
      console.log(`${page.name}: ${scores}\n  ${metrics}`);
    }
    console.log('installable (what Lighthouse 11 checked in its PWA category):');
    for (const [check, value] of Object.entries(await installability(server.baseUrl)))
      console.log(`  ${check}: ${value}`);
  } finally {
    chrome.kill();
    await server.stop();
  }
}

await main();
