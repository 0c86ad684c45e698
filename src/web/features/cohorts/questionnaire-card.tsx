import { ClipboardCheck, ClipboardList } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import type { MyCohort } from './use-my-cohort';

const linkButton = 'inline-flex h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-medium';

/** The last moment a window is open, for "open until Tue 14 Apr" (closesAt is the exclusive end). */
export const lastOpenDay = (closesAt: string, timeZone: string) =>
  formatInZone(new Date(closesAt).getTime() - 1, timeZone, 'EEE d MMM');

/** This week's questionnaire on "My cohort": when it opens, a way in while open, done or missed after. */
export function QuestionnaireCard(props: { questionnaire: MyCohort['questionnaire']; replied: boolean }) {
  const { timezone } = useStudio();
  const q = props.questionnaire;
  const to = `/cohort/questionnaire/${q.week}`;
  const title = `Week ${q.week} questionnaire`;
  switch (q.status) {
    case 'OPEN':
      return (
        <Card className="border-brand-200">
          <CardHeader
            title={title}
            description={`Open until the end of ${lastOpenDay(q.closesAt, timezone)}`}
            action={<Badge tone="brand">Open</Badge>}
          />
          <CardBody className="space-y-3">
            <p className="text-sm text-slate-700">
              A few questions about your week, for your coach. You can save a draft and come back to it.
            </p>
            <Link to={to} className={`${linkButton} w-full bg-brand-700 text-white hover:bg-brand-800 sm:w-auto`}>
              <ClipboardList className="size-4" aria-hidden /> Answer the questionnaire
            </Link>
          </CardBody>
        </Card>
      );
    case 'SUBMITTED':
      return (
        <Card>
          <CardHeader
            title={title}
            description={
              props.replied ? 'Submitted — your coach has replied below.' : 'Submitted — waiting for your coach.'
            }
            action={<Badge tone="success">Submitted</Badge>}
          />
          <CardBody>
            <Link to={to} className={`${linkButton} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`}>
              <ClipboardCheck className="size-4" aria-hidden /> See your answers
            </Link>
          </CardBody>
        </Card>
      );
    case 'MISSED':
      return (
        <Card>
          <CardHeader
            title={title}
            description={`It closed at the end of ${lastOpenDay(q.closesAt, timezone)} without being submitted.`}
            action={<Badge tone="warning">Missed</Badge>}
          />
          <CardBody>
            <p className="text-sm text-slate-700">No problem — the next one opens at the end of next week.</p>
          </CardBody>
        </Card>
      );
    case 'NOT_OPEN':
      return (
        <Card>
          <CardHeader
            title={title}
            description={`Opens ${formatInZone(q.opensAt, timezone, 'EEEE d MMM')}`}
            action={<Badge>Not open yet</Badge>}
          />
          <CardBody>
            <p className="text-sm text-slate-700">
              At the end of each week you answer a few questions for your coach. We will remind you when it opens.
            </p>
          </CardBody>
        </Card>
      );
  }
}
