import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Select } from '../../components/ui/input';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatInZone } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { addLocalDays, formatLocalDate } from '../sessions/studio-time';
import { useWeek } from '../sessions/use-week';
import { DayStrip, WeekNavigator } from '../sessions/week-strip';
import { ConfirmBookingDialog } from './confirm-booking-dialog';
import { CreditsNote } from './credits-note';
import { useServices, useSlots } from './queries';
import { ServicePicker } from './service-picker';
import { SlotList, slotCounts, slotsOfDay, type PickedSlot } from './slot-list';

/**
 * "Book a 1-on-1": a service, a coach (or any: the server then picks the free one with the fewest
 * 1-on-1s that day), a day of the week, then that day's free times.
 * The choices live in the address (?service, ?coach, ?day) so back and reload keep them.
 */
export function BookAppointmentPage() {
  const { timezone } = useStudio();
  const week = useWeek();
  const services = useServices();
  const bookable = (services.data ?? []).filter((s) => s.active && s.selfBookable && s.coaches.length > 0);
  const serviceId = bookable.find((s) => s.id === week.params.get('service'))?.id ?? bookable[0]?.id ?? '';
  const service = bookable.find((s) => s.id === serviceId);
  const coachId = service?.coaches.find((c) => c.id === week.params.get('coach'))?.id ?? '';
  const slots = useSlots({
    serviceId: serviceId || undefined,
    from: week.weekStart < week.today ? week.today : week.weekStart,
    to: addLocalDays(week.weekStart, 6),
    coachId: coachId || undefined,
  });
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [confirming, setConfirming] = useState(false);
  const daySlots = slots.data && !slots.isPlaceholderData ? slotsOfDay(slots.data, week.day, timezone) : [];
  const choose = (values: Record<string, string>) => {
    setPicked(null);
    week.setFilters(values);
  };

  if (services.isPending) return <Spinner />;
  return (
    <>
      <PageHeader title="Book a 1-on-1" description={`Times are studio time (${timezone}).`} />
      {services.error && <Alert tone="error">{errorMessage(services.error)}</Alert>}
      {services.data && bookable.length === 0 && (
        <EmptyState title="Nothing to book yet">The studio has no 1-on-1 sessions you can book online.</EmptyState>
      )}
      {service && (
        <div className="space-y-5 pb-24">
          <ServicePicker services={bookable} value={serviceId} onChange={(id) => choose({ service: id, coach: '' })} />
          <Field label="Coach" className="sm:w-72">
            <Select value={coachId} onChange={(e) => choose({ coach: e.target.value })}>
              <option value="">Any coach</option>
              {service.coaches.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <section aria-labelledby="day-title" className="space-y-3">
            <h2 id="day-title" className="text-base font-semibold text-slate-900">
              Day and time
            </h2>
            <WeekNavigator weekStart={week.weekStart} isThisWeek={week.isThisWeek} onMove={week.moveWeek} />
            <DayStrip
              weekStart={week.weekStart}
              selected={week.day}
              today={week.today}
              counts={slotCounts(slots.data, timezone)}
              onSelect={(d) => {
                setPicked(null);
                week.setDay(d);
              }}
              noun={['free time', 'free times']}
            />
            <h3 className="font-medium text-slate-900">{formatLocalDate(week.day, 'EEEE d MMMM')}</h3>
            {slots.isFetching && !slots.data && <Spinner label="Finding free times…" />}
            {slots.error && <Alert tone="error">{errorMessage(slots.error)}</Alert>}
            {slots.data && !slots.isPlaceholderData && daySlots.length === 0 && (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
                No free times on this day. Try another day{coachId ? ' or any coach' : ''}.
              </p>
            )}
            {daySlots.length > 0 && (
              <SlotList
                slots={daySlots}
                showCoach={false}
                selected={picked?.startTime ?? null}
                onPick={setPicked}
                timeZone={timezone}
              />
            )}
          </section>
          {slots.data?.credits && <CreditsNote credits={slots.data.credits} timeZone={timezone} self />}
          <div className="fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-20 border-t border-slate-200 bg-white p-3 md:static md:border-0 md:bg-transparent md:p-0">
            <Button className="w-full md:w-auto" disabled={!picked} onClick={() => setConfirming(true)}>
              {picked ? `Book ${formatInZone(picked.startTime, timezone, "EEE d MMM 'at' HH:mm")}` : 'Choose a time'}
            </Button>
          </div>
        </div>
      )}
      {confirming && picked && service && (
        <ConfirmBookingDialog
          service={service}
          slot={picked}
          anyCoach={!coachId}
          credits={slots.data?.credits ?? null}
          timeZone={timezone}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
