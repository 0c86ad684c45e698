import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { useBilling, useMyPayments, useOnlinePayments, usePortal } from './queries';
import { methodText, money, PAYMENT_STATUS_TONES, paymentStatusText, subscriptionEndText } from './text';

/** My membership's billing: next payment, card or Direct Debit, "Manage billing", and my receipts. */
export function BillingSection() {
  const { timezone } = useStudio();
  const online = useOnlinePayments();
  const billing = useBilling();
  const payments = useMyPayments();
  const portal = usePortal();
  const sub = billing.data?.subscription;
  if (!online && payments.data?.length === 0) return null;
  return (
    <Card className="lg:col-span-2">
      <CardHeader
        title={<span id="billing-heading">Payments</span>}
        action={
          billing.data?.canManage && (
            <Button variant="secondary" size="sm" loading={portal.isPending} onClick={() => portal.mutate()}>
              Manage billing
            </Button>
          )
        }
      />
      <CardBody className="space-y-4">
        {portal.error && <Alert tone="error">{errorMessage(portal.error)}</Alert>}
        {sub && (
          <div className="text-sm text-slate-800">
            <p>
              {sub.planName}: {money(sub.amountMinor, sub.currency)} a month by {methodText(sub.method)}.
            </p>
            {sub.endsOn ? (
              <p>{subscriptionEndText(sub.endsOn)}</p>
            ) : (
              sub.nextPaymentAt && <p>Next payment {formatDate(sub.nextPaymentAt, timezone)}.</p>
            )}
            {sub.status === 'PAST_DUE' && (
              <Alert tone="warning" className="mt-2">
                Your last payment did not go through. Use “Manage billing” to update your card or bank details.
              </Alert>
            )}
          </div>
        )}
        {payments.data?.length === 0 && <p className="text-sm text-slate-600">No payments yet.</p>}
        {payments.data && payments.data.length > 0 && (
          <ul aria-labelledby="billing-heading" className="divide-y divide-slate-200">
            {payments.data.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div>
                  <Link to={`/payments/${p.id}`} className="font-medium text-brand-700 underline">
                    {p.description}
                  </Link>
                  <p className="text-slate-600">
                    {p.receiptNumber} · {formatDate(p.paidAt ?? p.createdAt, timezone)} · {methodText(p.method)}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <span className="font-medium">{money(p.amountMinor, p.currency)}</span>
                  <Badge tone={PAYMENT_STATUS_TONES[p.status]}>{paymentStatusText(p)}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
