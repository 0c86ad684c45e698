/** The 1-on-1 services a TeamUp plan can be for, by the name the import gives the service. */
export type ImportedServiceName = 'Personal Training' | 'Sports Massage';

/**
 * Which 1-on-1 service a plan pays for, read from its name: "10 Personal Training Sessions" and
 * "PT Intro" → Personal Training, "3 Pack Sports Massages" or any other massage → Sports Massage,
 * anything else (classes) → null.
 */
export function appointmentServiceForPlan(planName: string): ImportedServiceName | null {
  if (/personal[\s-]*train/i.test(planName) || /\bPT\b/.test(planName)) return 'Personal Training';
  if (/massag/i.test(planName)) return 'Sports Massage';
  return null;
}
