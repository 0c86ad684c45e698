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
      if (entry.reasonCode === 'MEMBERSHIP_CANCELLED') return `${entry.description} — membership cancelled`;
      if (entry.reasonCode === 'PAUSED') return `${entry.description} — paused that week`;
      return `${entry.description} expired unused`;
    case 'GRANT':
      return entry.reasonCode === 'PAUSE_ENDED' ? `${entry.description} — back after the pause` : entry.description;
    case 'ADJUST':
      return `Studio adjustment: ${entry.description}`;
    case 'COMP':
      return `${entry.description} — on the house`;
    default:
      return entry.description;
  }
}
