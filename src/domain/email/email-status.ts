/**
 * Where an outbox email is: waiting, claimed by an instance that is sending it, sent, or given up
 * after its last attempt (see deliver-email-outbox.ts).
 */
export const EMAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
