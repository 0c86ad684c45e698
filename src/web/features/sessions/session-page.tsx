import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody } from '../../components/ui/card';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { useStudio } from '../studio/use-studio';
import { BookingActions } from './booking-actions';
import { useClassTypes, useSession } from './queries';
import { MyStatusBadge } from './session-card';
import { SessionFacts } from './session-facts';
import { StaffSessionView } from './staff-session-view';
import { localDateOf } from './studio-time';

/** /classes/:id — a client sees the class and can book it; coaches and admins manage it. */
export function SessionPage() {
  const { id = '' } = useParams();
  const me = useMe().data!;
  const { timezone } = useStudio();
  const session = useSession(id);
  const staff = me.role !== 'CLIENT';
  const classTypes = useClassTypes();
  const back = staff ? '/schedule' : '/classes';

  if (session.isPending) return <Spinner />;
  if (session.error) {
    return (
      <>
        <BackLink to={back} label={staff ? 'Schedule' : 'Classes'} />
        <Alert tone="error" title="This class could not be shown">
          {errorMessage(session.error)}
        </Alert>
      </>
    );
  }
  const s = session.data;
  const day = localDateOf(s.startTime, timezone);
  const classType = classTypes.data?.find((t) => t.id === s.classType.id);
  const waitlistLimit = classType?.waitlistLimit;
  return (
    <>
      <BackLink to={`${back}?day=${day}`} label={staff ? 'Schedule' : 'Classes'} />
      <PageHeader
        title={s.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="inline-flex items-center gap-1.5">
              <span className="size-3 rounded-full" style={{ backgroundColor: s.classType.color }} aria-hidden />
              {s.classType.name}
            </span>
            {s.status === 'CANCELLED' && <Badge tone="danger">Cancelled by the studio</Badge>}
            {s.status === 'COMPLETED' && <Badge>Completed</Badge>}
            <MyStatusBadge session={s} />
          </span>
        }
      />
      {classType?.description && (
        <section aria-labelledby="class-type-about" className="mb-4 max-w-2xl">
          <h2 id="class-type-about" className="text-sm font-semibold text-slate-900">
            About {classType.name}
          </h2>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{classType.description}</p>
        </section>
      )}
      {staff ? (
        <StaffSessionView session={s} />
      ) : (
        <Card>
          <CardBody>
            <SessionFacts session={s} waitlistLimit={waitlistLimit} />
            {s.status !== 'CANCELLED' && (
              <BookingActions session={s} waitlistLimit={waitlistLimit} className="mt-4 sm:max-w-xs" />
            )}
          </CardBody>
        </Card>
      )}
    </>
  );
}

function BackLink(props: { to: string; label: string }) {
  return (
    <Link to={props.to} className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
      <ArrowLeft className="size-4" aria-hidden /> {props.label}
    </Link>
  );
}
