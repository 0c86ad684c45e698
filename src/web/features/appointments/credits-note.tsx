import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { formatInZone } from '../../lib/format';
import { credits } from '../sessions/session-text';
import { costText } from './text';
import type { Slots } from './types';

/** What a booking costs, what the client holds that pays for it, and which pack pays. */
export function CreditsNote(props: { credits: NonNullable<Slots['credits']>; timeZone: string; self: boolean }) {
  const c = props.credits;
  const who = props.self ? 'You have' : 'The client has';
  if (c.cost === 0) return <Alert tone="info">Free: no credit is used.</Alert>;
  if (c.usable < c.cost)
    return (
      <Alert tone="warning" title={`Costs ${credits(c.cost)}`}>
        {who} {c.usable === 0 ? 'no credits' : `only ${credits(c.usable)}`} that pay for this service.{' '}
        {props.self && (
          <Link to="/plans" className="font-medium underline">
            See plans and packs
          </Link>
        )}
      </Alert>
    );
  return (
    <Alert tone="info" title={`Costs ${costText(c.cost)}`}>
      {who} {credits(c.usable)} for this service.
      {c.paidBy && (
        <>
          {' '}
          Paid from <strong>{c.paidBy.planName ?? 'credits given by the studio'}</strong>
          {c.paidBy.validUntil && ` (valid until ${formatInZone(c.paidBy.validUntil, props.timeZone, 'd MMM yyyy')})`}.
        </>
      )}
    </Alert>
  );
}
