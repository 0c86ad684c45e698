import { formatLocal } from '../time/format-local';

export interface ScheduleClash {
  classTitle: string;
  coachName: string;
  startTime: Date;
  timeZone: string;
  /** The 1-on-1s feature is on: the notice may say what the coach is booked for. */
  appointmentsOn: boolean;
}

/**
 * What admins are told when an ongoing weekly schedule cannot make one week's class because its
 * coach is booked then: which class, when, why, and what they can do about it.
 */
export function scheduleClashNotice(clash: ScheduleClash): { title: string; body: string } {
  const when = formatLocal(clash.startTime, clash.timeZone, "EEEE d MMMM 'at' HH:mm");
  const booked = clash.appointmentsOn ? 'has a 1-on-1 booked then' : 'is already booked then';
  const booking = clash.appointmentsOn ? 'the 1-on-1' : 'that booking';
  return {
    title: `${clash.classTitle} on ${formatLocal(clash.startTime, clash.timeZone, 'EEE d MMM')} was not added`,
    body:
      `The weekly schedule could not add ${clash.classTitle} on ${when}: ${clash.coachName} ${booked}. ` +
      `The other weeks are added as usual. To run this class, move ${booking} or choose another coach, ` +
      'then add the class for that day on the Schedule page.',
  };
}
