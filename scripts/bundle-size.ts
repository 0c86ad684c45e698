/**
 * `npm run size`: the gzipped JavaScript a phone downloads before a page can show, per first page.
 * Reads the Vite manifest of a build (dist/web/.vite/manifest.json; `npm run size` builds first):
 * the entry chunk and everything it imports statically, plus the page's own lazy chunk and its
 * static imports (Vite preloads those together when the route opens). CSS is not counted; KB = 1024 bytes.
 *
 *   npm run size                  # build, then print the table
 *   tsx scripts/bundle-size.ts [dist dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The budget from issue #16: initial JavaScript for these pages ≤ 150 KB gzipped. */
const BUDGET_KB = 150;

/** First pages, by the source file of their lazy page chunk. */
const firstPages: { page: string; source: string }[] = [
  { page: 'Sign-in (/sign-in)', source: 'features/auth/sign-in-page.tsx' },
  { page: "Client's Home (/)", source: 'features/home/home-page.tsx' },
  { page: 'Classes (/classes)', source: 'features/sessions/classes-page.tsx' },
];

const distDir = process.argv[2] ?? 'dist/web';
const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
const gzipCache = new Map<string, number>();

function gzippedBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(distDir, file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** A chunk and, transitively, every chunk it imports statically (manifest keys). */
function withStaticImports(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest: was it renamed?`);
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(imported, into);
  return into;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error(`No entry chunk in ${distDir}/.vite/manifest.json`);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = firstPages.map(({ page, source }) => {
  const keys = withStaticImports(entryKey);
  // A page that is not lazy has no chunk of its own: it is in the entry already.
  if (manifest[source]) withStaticImports(source, keys);
  const files = [...keys].map((key) => manifest[key]!.file);
  const bytes = files.reduce((sum, file) => sum + gzippedBytes(file), 0);
  return { page, chunks: files.length, bytes };
});

const width = Math.max(...rows.map((row) => row.page.length));
console.log(`Initial JavaScript, gzipped (budget ${BUDGET_KB} KB), from ${distDir}`);
console.log(`${'Page'.padEnd(width)}  Chunks  KB gzip`);
for (const row of rows) {
  const verdict = row.bytes / 1024 <= BUDGET_KB ? '' : `  over budget by ${kb(row.bytes - BUDGET_KB * 1024)} KB`;
  console.log(`${row.page.padEnd(width)}  ${String(row.chunks).padStart(6)}  ${kb(row.bytes).padStart(7)}${verdict}`);
}
if (rows.some((row) => row.bytes / 1024 > BUDGET_KB)) process.exitCode = 1;
