/** Who moved the money: Stripe online, or the studio by hand (cash, bank transfer). */
export const PAYMENT_PROVIDERS = ['STRIPE', 'MANUAL'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/**
 * OPEN: a checkout was started, nothing paid yet. PENDING: paid by a method that confirms later
 * (Bacs Direct Debit). SUCCEEDED: the provider's signed event said it is paid. FAILED: it will
 * not be paid. PARTIALLY_REFUNDED / REFUNDED: money went back.
 */
export const PAYMENT_STATUSES = ['OPEN', 'PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** PURCHASE: a pack or prepaid term, once. SUBSCRIPTION_START / RENEWAL: a recurring plan's invoices. MANUAL: recorded by an admin. */
export const PAYMENT_KINDS = ['PURCHASE', 'SUBSCRIPTION_START', 'RENEWAL', 'MANUAL'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'PAST_DUE', 'CANCELLED'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const MANUAL_METHODS = ['cash', 'bank_transfer'] as const;

/** Statuses whose money the studio holds (and may refund). */
export const isPaid = (status: PaymentStatus): boolean => status === 'SUCCEEDED' || status === 'PARTIALLY_REFUNDED';

/** "R-000042": a receipt number people can read out on the phone. */
export const receiptNumber = (n: number): string => `R-${String(n).padStart(6, '0')}`;
