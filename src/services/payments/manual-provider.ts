import { DomainError } from '../../domain/shared/domain-error';
import type { PaymentProvider } from './provider';

const offline = () =>
  new DomainError('ONLINE_PAYMENTS_OFF', 'This studio takes payments in person: ask the studio to add your plan.');

/**
 * Cash and bank transfers, recorded by an admin (record-manual-payment.ts). Nothing goes online:
 * a refund is money handed back, so it is only recorded.
 */
export const manualProvider: PaymentProvider = {
  name: 'MANUAL',
  online: false,
  createCheckout: () => Promise.reject(offline()),
  openCustomerPortal: () => Promise.reject(offline()),
  refund: () => Promise.resolve({ refundId: null }),
  cancelSubscription: () => Promise.resolve(),
  parseWebhook: () => {
    throw offline();
  },
};
