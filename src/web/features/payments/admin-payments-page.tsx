import { useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { ManualPaymentDialog } from './manual-payment-dialog';
import { useAdminPayments, type Payment } from './queries';
import { RefundDialog } from './refund-dialog';
import { methodText, money, PAYMENT_STATUS_TONES, paymentStatusText } from './text';

const refundable = (p: Payment) => p.status === 'SUCCEEDED' || p.status === 'PARTIALLY_REFUNDED';

/** Admins: every payment (online and recorded), refunds, manual payments, and what needs attention. */
export function AdminPaymentsPage() {
  const { timezone } = useStudio();
  const [filter, setFilter] = useState<'all' | 'attention'>('all');
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [recording, setRecording] = useState(false);
  const payments = useAdminPayments(filter);
  return (
    <>
      <PageHeader
        title="Payments"
        description="Online payments, renewals and what was paid at the studio. Failed renewals need you."
        actions={<Button onClick={() => setRecording(true)}>Record a payment</Button>}
      />
      <div role="group" aria-label="Show" className="mb-4 flex gap-2">
        {(['all', 'attention'] as const).map((f) => (
          <Button
            key={f}
            size="sm"
            variant={filter === f ? 'primary' : 'secondary'}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {f === 'all' ? 'All payments' : 'Needs attention'}
          </Button>
        ))}
      </div>
      {payments.isPending && <Spinner />}
      {payments.error && <Alert tone="error">{errorMessage(payments.error)}</Alert>}
      {payments.data?.length === 0 && (
        <EmptyState title={filter === 'all' ? 'No payments yet' : 'Nothing needs you'}>
          {filter === 'all' ? 'Payments appear here as clients pay.' : 'Failed renewals would show here.'}
        </EmptyState>
      )}
      {payments.data && payments.data.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-200">
            {payments.data.map((p) => (
              <li
                key={p.id}
                className={cn(
                  'flex flex-wrap items-start justify-between gap-3 p-4 text-sm',
                  p.attention && 'bg-amber-50',
                )}
              >
                <div className="min-w-0 space-y-0.5">
                  <p className="font-medium text-slate-900">
                    {p.userName} · {p.description}
                  </p>
                  <p className="text-slate-600">
                    {p.receiptNumber} · {formatDate(p.paidAt ?? p.createdAt, timezone)} · {methodText(p.method)}
                    {p.reference ? ` · ${p.reference}` : ''}
                  </p>
                  {p.attention && <p className="font-medium text-amber-900">{p.attention}</p>}
                  {p.refunds.map((r) => (
                    <p key={r.createdAt} className="text-slate-600">
                      Refunded {money(r.amountMinor, p.currency)}: {r.reason}
                    </p>
                  ))}
                </div>
                <div className="flex items-center gap-2">
                  <span className="font-semibold">{money(p.amountMinor, p.currency)}</span>
                  <Badge tone={PAYMENT_STATUS_TONES[p.status]}>{paymentStatusText(p)}</Badge>
                  {refundable(p) && (
                    <Button size="sm" variant="secondary" onClick={() => setRefunding(p)}>
                      Refund
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {refunding && <RefundDialog payment={refunding} onClose={() => setRefunding(null)} />}
      {recording && <ManualPaymentDialog onClose={() => setRecording(false)} />}
    </>
  );
}
