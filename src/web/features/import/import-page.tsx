import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportReportBody, ImportRunBody, TeamupImportRequest } from '../../../contracts/import';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { PageHeader } from '../../components/ui/page';
import { Switch } from '../../components/ui/switch';
import { api, errorMessage } from '../../lib/api';
import { ImportReportView } from './import-report-view';

type FileField = 'events' | 'instructors' | 'memberships' | 'customers';

const FILE_FIELDS: Array<{ field: FileField; label: string; hint: string; accept: string }> = [
  {
    field: 'events',
    label: 'Events (JSON)',
    hint: 'teamupdata.json: the classes, past and upcoming.',
    accept: '.json,application/json',
  },
  { field: 'instructors', label: 'Instructors (JSON)', hint: 'instructors.json', accept: '.json,application/json' },
  {
    field: 'memberships',
    label: 'Memberships (JSON)',
    hint: 'memberships.json: becomes your plans.',
    accept: '.json,application/json',
  },
  {
    field: 'customers',
    label: 'Customers (CSV, optional)',
    hint: "TeamUp's customer list export.",
    accept: '.csv,text/csv',
  },
];

/** Moving from TeamUp: choose the export's files, read the dry run, answer its questions, import. */
export function ImportPage() {
  const [files, setFiles] = useState<Partial<Record<FileField, File>>>({});
  const [createSchedules, setCreateSchedules] = useState(true);
  const [inviteCustomers, setInviteCustomers] = useState(false);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<ImportReportBody | null>(null);
  const [runId, setRunId] = useState<string | null>(null);

  const body = async (): Promise<TeamupImportRequest> => {
    const read = async (f: File | undefined) => (f ? { name: f.name, text: await f.text() } : null);
    const [events, instructors, memberships, customers] = await Promise.all(
      FILE_FIELDS.map((f) => read(files[f.field])),
    );
    const planAnswers = Object.fromEntries(
      Object.entries(answers).flatMap(([id, v]) =>
        Number.isInteger(Number(v)) && Number(v) > 0 ? [[id, Number(v)]] : [],
      ),
    );
    return {
      events: events!,
      instructors: instructors!,
      memberships: memberships!,
      customers,
      createSchedules,
      inviteCustomers,
      planAnswers,
    };
  };
  const check = useMutation({
    mutationFn: async () => api.post('/api/admin/import/teamup/dry-run', { body: await body() }),
    onSuccess: (report) => {
      setDryRun(report);
      setRunId(null);
    },
  });
  const start = useMutation({
    mutationFn: async () => api.post('/api/admin/import/teamup/runs', { body: await body() }),
    onSuccess: (run) => setRunId(run.id),
  });
  const run = useQuery({
    queryKey: ['import-run', runId],
    queryFn: () => api.get('/api/admin/import/teamup/runs/:id', { params: { id: runId! } }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'RUNNING' ? false : 700),
  });
  const ready = Boolean(files.events && files.instructors && files.memberships);
  const running = start.isPending || run.data?.status === 'RUNNING' || (runId !== null && !run.data);

  return (
    <div className="space-y-4">
      <PageHeader
        title="Move from TeamUp"
        description="Bring your timetable, coaches, plans and clients over. Check first: nothing is written until you confirm, and running it again never doubles anything."
      />
      <Card>
        <CardHeader as="h2" title="1. Choose the export's files" />
        <CardBody className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            {FILE_FIELDS.map((f) => (
              <Field key={f.field} label={f.label} hint={files[f.field]?.name ?? f.hint}>
                <Input
                  type="file"
                  accept={f.accept}
                  name={f.field}
                  onChange={(e) => {
                    setFiles((current) => ({ ...current, [f.field]: e.target.files?.[0] }));
                    setDryRun(null);
                  }}
                />
              </Field>
            ))}
          </div>
          <label className="flex items-center justify-between gap-4 text-sm">
            <span>Turn the weekly timetable into schedules</span>
            <Switch
              checked={createSchedules}
              onCheckedChange={setCreateSchedules}
              aria-label="Turn the weekly timetable into schedules"
            />
          </label>
          <label className="flex items-center justify-between gap-4 text-sm">
            <span>Email new clients an invitation to set their password</span>
            <Switch
              checked={inviteCustomers}
              onCheckedChange={setInviteCustomers}
              aria-label="Email new clients an invitation"
            />
          </label>
          {check.error && <Alert tone="error">{errorMessage(check.error)}</Alert>}
          <Button onClick={() => check.mutate()} loading={check.isPending} disabled={!ready || running}>
            {dryRun ? 'Check again' : 'Check the files (dry run)'}
          </Button>
        </CardBody>
      </Card>
      {dryRun && !runId && (
        <>
          <ImportReportView
            report={dryRun}
            answers={answers}
            onAnswer={(id, v) => setAnswers((a) => ({ ...a, [id]: v }))}
          />
          <Card>
            <CardHeader
              as="h2"
              title="2. Import"
              description="Answered a question? Check again to see it counted, or import now."
            />
            <CardBody className="space-y-3">
              {start.error && <Alert tone="error">{errorMessage(start.error)}</Alert>}
              <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running}>
                Import now
              </Button>
            </CardBody>
          </Card>
        </>
      )}
      {runId && <RunProgress run={run.data} error={run.error} />}
    </div>
  );
}

function RunProgress(props: { run: ImportRunBody | undefined; error: unknown }) {
  const { run } = props;
  if (props.error) return <Alert tone="error">{errorMessage(props.error)}</Alert>;
  const percent = run?.percent ?? 0;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader
          as="h2"
          title={
            run?.status === 'SUCCEEDED'
              ? 'Import finished'
              : run?.status === 'FAILED'
                ? 'Import stopped'
                : run?.status === 'INTERRUPTED'
                  ? 'Import interrupted'
                  : 'Importing…'
          }
        />
        <CardBody className="space-y-2">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {percent}% · {run?.step ?? 'Starting'}
          </p>
          {(run?.status === 'FAILED' || run?.status === 'INTERRUPTED') && <Alert tone="error">{run.error}</Alert>}
        </CardBody>
      </Card>
      {run?.report && <ImportReportView report={run.report} />}
    </div>
  );
}
