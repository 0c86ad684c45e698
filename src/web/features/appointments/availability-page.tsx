import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { useMe } from '../auth/use-me';
import { useCoachOptions } from '../sessions/people';
import { useStudio } from '../studio/use-studio';
import { useSearchParams } from 'react-router';
import { OverridesCard } from './overrides-card';
import { useAvailability } from './queries';
import { TimeOffCard } from './time-off-card';
import { WeeklyHoursCard } from './weekly-hours-card';

/** A coach's bookable hours: the usual week, dates with other hours, time off. Admins pick the coach. */
export function AvailabilityPage() {
  const me = useMe().data!;
  const { timezone } = useStudio();
  const [params, setParams] = useSearchParams();
  const admin = me.role === 'ADMIN';
  const coachId = (admin && params.get('coach')) || me.id;
  const coaches = useCoachOptions();
  const availability = useAvailability(coachId);
  const a = availability.data;
  return (
    <>
      <PageHeader
        title={coachId === me.id ? 'My availability' : `${a?.coach.name ?? 'Coach'}’s availability`}
        description={`Times are studio time (${timezone}): 09:00 stays 09:00 when the clocks change.`}
      />
      {admin && (
        <Field label="Coach" className="mb-4 sm:w-72">
          <Select value={coachId} onChange={(e) => setParams({ coach: e.target.value }, { replace: true })}>
            {coaches.options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id === me.id ? `${c.name} (me)` : c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {availability.isPending && <Spinner />}
      {availability.error && <Alert tone="error">{errorMessage(availability.error)}</Alert>}
      {a && (
        <div className="space-y-5" key={a.coach.id}>
          {a.services.length === 0 && (
            <Alert tone="info">
              {coachId === me.id ? 'You offer' : `${a.coach.name} offers`} no 1-on-1 service yet: an admin adds coaches
              to a service under 1-on-1 services.
            </Alert>
          )}
          <WeeklyHoursCard availability={a} />
          <div className="grid gap-5 lg:grid-cols-2">
            <OverridesCard availability={a} />
            <TimeOffCard availability={a} />
          </div>
        </div>
      )}
    </>
  );
}
