import { and, desc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { paymentRefunds, payments, users } from '../../db/schema';
import {
  receiptNumber,
  type PaymentKind,
  type PaymentProviderName,
  type PaymentStatus,
} from '../../domain/payments/payment-types';
import { DomainError } from '../../domain/shared/domain-error';

export interface PaymentView {
  id: string;
  receiptNumber: string;
  userId: string;
  userName: string;
  description: string;
  kind: PaymentKind;
  provider: PaymentProviderName;
  status: PaymentStatus;
  method: string | null;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  reference: string | null;
  attention: string | null;
  membershipId: string | null;
  recordedByName: string | null;
  paidAt: Date | null;
  createdAt: Date;
  refunds: Array<{ amountMinor: number; reason: string; creditsRevoked: number; createdAt: Date }>;
}

const recorder = alias(users, 'recorder');

async function loadPayments(db: Executor, where: SQL | undefined, limit = 200): Promise<PaymentView[]> {
  const rows = await db
    .select({ p: payments, userName: users.name, recordedByName: recorder.name })
    .from(payments)
    .innerJoin(users, eq(users.id, payments.userId))
    .leftJoin(recorder, eq(recorder.id, payments.recordedBy))
    .where(where)
    .orderBy(desc(payments.createdAt), desc(payments.receiptNo))
    .limit(limit);
  const ids = rows.map((r) => r.p.id);
  const refunds = ids.length
    ? await db.select().from(paymentRefunds).where(inArray(paymentRefunds.paymentId, ids)).orderBy(paymentRefunds.seq)
    : [];
  return rows.map(({ p, userName, recordedByName }) => ({
    id: p.id,
    receiptNumber: receiptNumber(p.receiptNo),
    userId: p.userId,
    userName,
    description: p.description,
    kind: p.kind,
    provider: p.provider,
    status: p.status,
    method: p.method,
    amountMinor: p.amountMinor,
    refundedMinor: p.refundedMinor,
    currency: p.currency,
    reference: p.reference,
    attention: p.attention,
    membershipId: p.membershipId,
    recordedByName,
    paidAt: p.paidAt,
    createdAt: p.createdAt,
    refunds: refunds
      .filter((r) => r.paymentId === p.id)
      .map((r) => ({
        amountMinor: r.amountMinor,
        reason: r.reason,
        creditsRevoked: r.creditsRevoked,
        createdAt: r.createdAt,
      })),
  }));
}

export async function paymentById(db: Executor, id: string): Promise<PaymentView> {
  const [view] = await loadPayments(db, eq(payments.id, id));
  if (!view) throw new DomainError('PAYMENT_NOT_FOUND', 'That payment does not exist');
  return view;
}

/** A client's own payment (the "payment received" page polls it); someone else's is "not found". */
export async function myPayment(db: Executor, userId: string, id: string): Promise<PaymentView> {
  const [view] = await loadPayments(db, and(eq(payments.id, id), eq(payments.userId, userId)));
  if (!view) throw new DomainError('PAYMENT_NOT_FOUND', 'That payment does not exist');
  return view;
}

/** A client's payments and receipts (checkouts they walked away from are left out). */
export const myPayments = (db: Executor, userId: string) =>
  loadPayments(
    db,
    and(
      eq(payments.userId, userId),
      inArray(payments.status, ['PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED']),
    ),
  );

/** Admins: every payment but abandoned checkouts, or only those needing a person. */
export const listPayments = (db: Executor, filter: 'all' | 'attention') =>
  loadPayments(
    db,
    filter === 'attention'
      ? isNotNull(payments.attention)
      : or(
          isNotNull(payments.attention),
          inArray(payments.status, ['PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED']),
        ),
  );
