import type { LedgerKind } from './plan-types';

/**
 * A ledger row in plain words for the person reading it: "HIIT Mon 06:30 booked −1",
 * "Weekly credits, week of 2 Mar (Committed) +5". The sign and number are shown beside the label.
 */
export function describeLedgerEntry(entry: { kind: LedgerKind; reasonCode: string; description: string }): string {
  switch (entry.kind) {
    case 'CONSUME':
      return `${entry.description} booked`;
    case 'REFUND':
      return `${entry.description} (credit returned)`;
    case 'EXPIRE':
      return entry.reasonCode === 'MEMBERSHIP_CANCELLED'
        ? `${entry.description} — membership cancelled`
        : `${entry.description} expired unused`;
    case 'ADJUST':
      return `Studio adjustment: ${entry.description}`;
    case 'COMP':
      return `${entry.description} — on the house`;
    default:
      return entry.description;
  }
}
