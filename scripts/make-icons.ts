/**
 * Draws the web app's icons (src/web/public/icons/*.png, committed) from one SVG: a white calendar
 * with a check on the brand teal, rendered by the Chromium the browser tests use. Studio-neutral on
 * purpose: the files are shared by every studio, while the manifest's name comes from the settings.
 *
 *   tsx scripts/make-icons.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BRAND = '#0f766e'; // the theme colour (index.html, manifest)
const outDir = fileURLToPath(new URL('../src/web/public/icons', import.meta.url));

// lucide's calendar-check (ISC), drawn in a 24-unit box.
const glyph =
  '<path d="M8 2v3"/><path d="M16 2v3"/><rect x="3" y="3" width="18" height="18" rx="2"/>' +
  '<path d="M3 9h18"/><path d="m9 15 2 2 4-4"/>';

/**
 * `glyphShare`: how much of the side the glyph spans. Maskable icons keep it inside the central 80%
 * safe zone; `rounded` leaves transparent corners (purpose "any"); iOS rounds the touch icon itself.
 */
function svg(size: number, glyphShare: number, rounded: boolean) {
  const glyphSize = size * glyphShare;
  const offset = (size - glyphSize) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" rx="${rounded ? size * 0.2 : 0}" fill="${BRAND}"/>
    <svg x="${offset}" y="${offset}" width="${glyphSize}" height="${glyphSize}" viewBox="0 0 24 24" fill="none"
      stroke="white" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${glyph}</svg>
  </svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, glyphShare: 0.6, rounded: true },
  { file: 'icon-512.png', size: 512, glyphShare: 0.6, rounded: true },
  { file: 'icon-maskable-512.png', size: 512, glyphShare: 0.5, rounded: false },
  { file: 'apple-touch-icon.png', size: 180, glyphShare: 0.6, rounded: false },
];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<body style="margin:0;background:transparent">${svg(icon.size, icon.glyphShare, icon.rounded)}</body>`,
    );
    await page
      .locator('svg')
      .first()
      .screenshot({ path: `${outDir}/${icon.file}`, omitBackground: true });
    console.log(`${outDir}/${icon.file}`);
  }
} finally {
  await browser.close();
}
