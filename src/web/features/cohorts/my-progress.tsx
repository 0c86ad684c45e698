import { Flame } from 'lucide-react';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { PromptTrends } from './prompt-trends';
import type { Prompt } from './types';
import { useMyCheckIns } from './use-my-cohort';

export function StreakBadge(props: { streak: number }) {
  return (
    <div className="flex items-center gap-3 rounded-lg bg-amber-50 px-3 py-2 text-amber-950">
      <Flame className="size-6 shrink-0 text-amber-700" aria-hidden />
      <p className="text-sm">
        <span className="text-xl font-bold">{props.streak}</span> {props.streak === 1 ? 'check-in' : 'check-ins'} in a
        row
        {props.streak === 0 && <span className="block text-amber-900">Check in today to start a new streak.</span>}
      </p>
    </div>
  );
}

/** "My progress": the check-in streak and a chart of each numeric prompt since the cohort began. */
export function MyProgress(props: { prompts: Prompt[]; from: string; to: string; streak: number }) {
  const checkIns = useMyCheckIns(props.from, props.to);
  return (
    <Card>
      <CardHeader title="My progress" description="Everything you have logged since the cohort began." />
      <CardBody className="space-y-4">
        <StreakBadge streak={props.streak} />
        {checkIns.isPending && <Spinner label="Loading your check-ins…" />}
        {checkIns.error && <Alert tone="error">{errorMessage(checkIns.error)}</Alert>}
        {checkIns.data && (
          <PromptTrends prompts={props.prompts} checkIns={checkIns.data.checkIns} from={props.from} to={props.to} />
        )}
      </CardBody>
    </Card>
  );
}
