import { chromium } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../src/seed/demo-accounts';
import { startDemoServer } from './phone/demo-server';

/*
 * `npm run bench:phone`: a client opening Classes on a throttled phone in Chromium — DevTools'
 * "Slow 4G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) and 4× CPU slowdown over CDP,
 * a 390 px viewport. Cold = first visit (nothing cached); warm = the next visit, the app shell
 * from the service worker's precache. Prints first contentful paint and "interactive": the first
 * class card on screen and no long task in the last 500 ms (a close
 * proxy for time to interactive). BENCH_RUNS (default 3) visits each, the median printed.
 */

const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.44e6 / 8) | 0,
  uploadThroughput: (675e3 / 8) | 0,
};
const runs = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const server = await startDemoServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const client = DEMO_ACCOUNTS.find((a) => a.key === 'client1')!;
    const cookie = await server.cookieOf(client.email);
    const results: Record<'cold' | 'warm', { fcp: number[]; interactive: number[] }> = {
      cold: { fcp: [], interactive: [] },
      warm: { fcp: [], interactive: [] },
    };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await context.addCookies([{ ...cookie, url: server.baseUrl }]);
      await context.addInitScript(() => {
        const w = window as unknown as { lastLongTaskEnd: number };
        w.lastLongTaskEnd = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.lastLongTaskEnd = Math.max(w.lastLongTaskEnd, e.startTime + e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      for (const visit of ['cold', 'warm'] as const) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(`${server.baseUrl}/classes`, { waitUntil: 'commit', timeout: 120_000 });
        await page.locator('a[href^="/classes/"]').first().waitFor({ timeout: 120_000 });
        const interactive = await page.waitForFunction(
          () => {
            const w = window as unknown as { lastLongTaskEnd: number };
            return performance.now() - w.lastLongTaskEnd > 500
              ? Math.max(w.lastLongTaskEnd, performance.now() - 500)
              : 0;
          },
          undefined,
          { timeout: 120_000, polling: 100 },
        );
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        );
        results[visit].fcp.push(fcp);
        results[visit].interactive.push(Number(await interactive.jsonValue()));
        if (visit === 'cold')
          await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
        await page.close();
      }
      await context.close();
    }
    console.log(`Classes on a throttled phone (Slow 4G, 4× CPU, 390 px), median of ${runs}:`);
    for (const visit of ['cold', 'warm'] as const)
      console.log(
        `  ${visit}: first contentful paint ${Math.round(median(results[visit].fcp))} ms · interactive ${Math.round(median(results[visit].interactive))} ms`,
      );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
