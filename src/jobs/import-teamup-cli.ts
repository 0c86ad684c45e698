import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { ENTITY_KINDS, type ImportReport } from '../domain/import/import-report';
import { isDomainError } from '../domain/shared/domain-error';
import { importFromTeamup } from '../services/import/import-from-teamup';

/**
 * `npm run import:teamup -- --events teamupdata.json --instructors instructors.json
 *  --memberships memberships.json [--customers customers.csv] [--dry-run] [--answer 167633=7]…`
 * The same use case as the admin page, against the configured database (with the embedded
 * one, stop the server first: PGlite allows one process per data directory).
 */
const USAGE =
  'Usage: npm run import:teamup -- --events FILE --instructors FILE --memberships FILE [--customers FILE.csv] [--dry-run] [--invite] [--no-schedules] [--answer TEAMUP_ID=CREDITS]… [--report report.json]';

function progressBar(step: string, done: number, total: number) {
  const share = Math.min(1, done / Math.max(total, 1));
  const width = 30;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  process.stderr.write(
    `\r[${bar}] ${String(Math.floor(share * 100)).padStart(3)}%  ${step.padEnd(18)} ${done}/${total}   `,
  );
}

function printReport(report: ImportReport) {
  console.log(report.dryRun ? '\nDry run: nothing was written.\n' : '\nImport finished.\n');
  console.log('what'.padEnd(14) + 'created  updated  unchanged  skipped');
  for (const kind of ENTITY_KINDS) {
    const c = report.counts[kind];
    console.log(
      kind.padEnd(14) +
        [c.created, c.updated, c.unchanged, c.skipped].map((n, i) => String(n).padStart(i ? 9 : 7)).join(''),
    );
  }
  for (const p of report.patterns)
    console.log(
      `weekly: ${p.classType} ${p.days.join(',')} ${p.localTime} with ${p.coach}, ${p.fromDate} → ${p.toDate} (${p.sessions} classes, ${p.gaps} gaps)`,
    );
  for (const line of report.keptForLater) console.log(`kept for later: ${line}`);
  const shown = report.problems.slice(0, 60);
  for (const p of shown) console.log(`${p.severity.toUpperCase()}: ${p.message}`);
  if (report.problems.length > shown.length)
    console.log(`… and ${report.problems.length - shown.length} more (use --report FILE for all)`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' },
      instructors: { type: 'string' },
      memberships: { type: 'string' },
      customers: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      invite: { type: 'boolean', default: false },
      'no-schedules': { type: 'boolean', default: false },
      answer: { type: 'string', multiple: true, default: [] },
      report: { type: 'string' },
    },
  });
  if (!values.events || !values.instructors || !values.memberships) {
    console.error(USAGE);
    process.exit(2);
  }
  // npm runs scripts from the package folder; INIT_CWD is where the command was typed.
  const read = (path: string) => {
    const full = resolve(process.env.INIT_CWD ?? '.', path);
    if (!existsSync(full)) throw new Error(`No file at ${full}`);
    return { name: basename(path), text: readFileSync(full, 'utf8') };
  };
  const planAnswers = Object.fromEntries(
    values.answer.map((a) => {
      const [id, credits] = a.split('=');
      if (!id || !Number.isInteger(Number(credits))) throw new Error(`--answer ${a}: write it as TEAMUP_ID=CREDITS`);
      return [id, Number(credits)];
    }),
  );
  const files = {
    events: read(values.events),
    instructors: read(values.instructors),
    memberships: read(values.memberships),
    customers: values.customers ? read(values.customers) : null,
  };
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
  });
  try {
    await runMigrations(database);
    const started = performance.now();
    const report = await importFromTeamup(
      database.db,
      null,
      files,
      {
        dryRun: values['dry-run'],
        inviteCustomers: values.invite,
        createSchedules: !values['no-schedules'],
        planAnswers,
      },
      new Date(),
      ({ step, done, total }) => progressBar(step, done, total),
    );
    process.stderr.write('\n');
    printReport(report);
    console.log(`\nTook ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write('\n');
  console.error(isDomainError(error) || error instanceof Error ? error.message : error);
  process.exit(1);
});
