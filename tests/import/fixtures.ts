/**
 * Small TeamUp exports in the real export's shape (`{count, next, previous, results}`), made
 * by the tests themselves: the real files are read by path, never copied.
 */
export const VENUE = {
  id: 1,
  object: 'venue',
  name: 'Test Studio',
  address: '1 High Street, Bangor',
  timezone: 'Europe/London',
};
export const GAV = { id: 501, object: 'instructor', name: 'Gavin Testcoach', staff: 1 };
export const ROSE = { id: 502, object: 'instructor', name: 'Rose Testcoach', staff: 2 };

const page = (results: unknown[]) => JSON.stringify({ count: results.length, next: null, previous: null, results });

export function teamupEvent(id: number, startsAt: string, overrides: Record<string, unknown> = {}) {
  const start = new Date(startsAt);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
  return {
    id,
    name: 'HIIT',
    starts_at: start.toISOString(),
    ends_at: at(25),
    max_occupancy: 10,
    waitlist_max_override: -1,
    attending_count: 4,
    waiting_count: 1,
    is_appointment: false,
    venue: VENUE,
    offering_type: { background_color: '452ddb', waitlist_max: null },
    description: '<p>25-minute class</p>',
    instructors: [GAV],
    active_registration_status: {
      registrations_open_at: at(-14 * 24 * 60),
      registrations_close_at: at(0),
      late_cancels_after: at(-120),
    },
    ...overrides,
  };
}

/** Weekly HIIT on Mondays and Wednesdays at 06:30 London time from 2 March 2026, `weeks` long. */
export function weeklyEvents(weeks: number) {
  const events = [];
  for (let w = 0; w < weeks; w++)
    for (const [offset, id] of [
      [0, 1000 + w * 2],
      [2, 1001 + w * 2],
    ] as const) {
      const day = new Date(Date.UTC(2026, 2, 2 + w * 7 + offset));
      // 06:30 in London: GMT until 29 March, BST after.
      const utcHour = day >= new Date('2026-03-29T00:00:00Z') ? 5 : 6;
      day.setUTCHours(utcHour, 30);
      events.push(teamupEvent(id, day.toISOString()));
    }
  return events;
}

export const MEMBERSHIPS = [
  {
    id: 11,
    object: 'membership',
    type: 'recurring_plan',
    name: 'Unlimited x 3',
    description: '3 HIIT sessions per week',
    price: null,
  },
  {
    id: 12,
    object: 'membership',
    type: 'pack',
    name: '10 Class Pack',
    description: '',
    price: { decimal: 80, iso_currency_code: 'GBP' },
  },
  {
    id: 13,
    object: 'membership',
    type: 'pack',
    name: '5 Personal Training Sessions',
    description: 'PT',
    price: { decimal: 150, iso_currency_code: 'GBP' },
  },
];

export function files(events: unknown[], customers?: string) {
  return {
    events: { name: 'teamupdata.json', text: page(events) },
    instructors: { name: 'instructors.json', text: page([GAV, ROSE]) },
    memberships: { name: 'memberships.json', text: page(MEMBERSHIPS) },
    customers: customers === undefined ? null : { name: 'customers.csv', text: customers },
  };
}
