import type { ImportReportBody } from '../../../contracts/import';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Input } from '../../components/ui/input';

const KIND_LABEL: Record<keyof ImportReportBody['counts'], string> = {
  locations: 'Locations',
  coaches: 'Coaches',
  classTypes: 'Class types',
  services: '1-on-1 services',
  plans: 'Plans',
  sessions: 'Upcoming classes',
  history: 'Past classes (history)',
  schedules: 'Weekly schedules',
  customers: 'Clients',
  memberships: 'Memberships',
  packBalances: 'Pack balances',
};

const SEVERITY = {
  error: { label: 'Not imported', tone: 'danger' },
  warning: { label: 'Check', tone: 'warning' },
  question: { label: 'Question', tone: 'info' },
} as const;

const DAY: Record<string, string> = {
  MON: 'Mon',
  TUE: 'Tue',
  WED: 'Wed',
  THU: 'Thu',
  FRI: 'Fri',
  SAT: 'Sat',
  SUN: 'Sun',
};

/** The dry-run (or final) report: counts, weekly patterns, what waits for appointments, problems. */
export function ImportReportView(props: {
  report: ImportReportBody;
  answers?: Record<string, string>;
  onAnswer?: (externalId: string, value: string) => void;
}) {
  const { report } = props;
  const problems = report.problems;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader as="h2" title={report.dryRun ? 'What the import would do' : 'What was imported'} />
        <CardBody className="overflow-x-auto" tabIndex={0} role="region" aria-label="Counts by kind">
          <table className="w-full text-xs sm:text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 pr-2 font-medium">What</th>
                <th className="px-1 py-1 text-right font-medium sm:px-2">New</th>
                <th className="px-1 py-1 text-right font-medium sm:px-2">Updated</th>
                <th className="px-1 py-1 text-right font-medium sm:px-2">Same</th>
                <th className="py-1 pl-1 text-right font-medium sm:pl-2">Skipped</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(KIND_LABEL) as Array<keyof typeof KIND_LABEL>).map((kind) => {
                const c = report.counts[kind];
                if (c.created + c.updated + c.unchanged + c.skipped === 0) return null;
                return (
                  <tr key={kind} className="border-t border-slate-100">
                    <th scope="row" className="py-1.5 pr-2 text-left font-normal text-slate-900">
                      {KIND_LABEL[kind]}
                    </th>
                    <td className="px-1 text-right tabular-nums sm:px-2">{c.created}</td>
                    <td className="px-1 text-right tabular-nums sm:px-2">{c.updated}</td>
                    <td className="px-1 text-right tabular-nums sm:px-2">{c.unchanged}</td>
                    <td className="pl-1 text-right tabular-nums sm:pl-2">{c.skipped}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </CardBody>
      </Card>
      {report.patterns.length > 0 && (
        <Card>
          <CardHeader
            as="h2"
            title="Weekly timetable found"
            description="Upcoming classes that repeat every week become one schedule each, so you can edit or cancel a series at once."
          />
          <CardBody>
            <ul className="divide-y divide-slate-100 text-sm">
              {report.patterns.map((p, i) => (
                <li key={i} className="py-2">
                  <span className="font-medium">
                    {p.classType} {p.days.map((d) => DAY[d] ?? d).join(', ')} {p.localTime}
                  </span>{' '}
                  with {p.coach} · {p.sessions} classes, {p.fromDate} to {p.toDate}
                  {p.gaps > 0 && ` · ${p.gaps} weeks off kept as gaps`}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
      {report.keptForLater.length > 0 && (
        <Card>
          <CardHeader as="h2" title="Not placed in Roster yet" />
          <CardBody>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {report.keptForLater.slice(0, 50).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          as="h2"
          title={problems.length ? `Problems to look at (${problems.length})` : 'No problems found'}
          description={
            problems.length
              ? 'Each names the file and row. Fix them in TeamUp and export again, or answer the questions here.'
              : undefined
          }
        />
        {problems.length > 0 && (
          <CardBody>
            <ul className="space-y-3 text-sm">
              {problems.slice(0, 200).map((p, i) => (
                <li key={i} className="space-y-1">
                  <Badge tone={SEVERITY[p.severity].tone}>{SEVERITY[p.severity].label}</Badge>
                  <p className="break-words text-slate-800">{p.message}</p>
                  {p.severity === 'question' && p.externalId && props.onAnswer && (
                    <label className="flex items-center gap-2">
                      <span className="text-slate-700">Credits</span>
                      <Input
                        type="number"
                        min={1}
                        max={1000}
                        inputMode="numeric"
                        className="w-24"
                        aria-label={`Credits for TeamUp membership ${p.externalId}`}
                        value={props.answers?.[p.externalId] ?? ''}
                        onChange={(e) => props.onAnswer!(p.externalId!, e.target.value)}
                      />
                    </label>
                  )}
                </li>
              ))}
              {problems.length > 200 && <li>… and {problems.length - 200} more.</li>}
            </ul>
          </CardBody>
        )}
      </Card>
    </div>
  );
}
