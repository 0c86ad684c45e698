import { CheckCircle2, Clock, XCircle } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Card, CardBody } from '../../components/ui/card';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';
import { usePayment, type Payment } from './queries';
import { isProvisional, methodText, money, paymentStatusText } from './text';

function Receipt(props: { payment: Payment }) {
  const { timezone } = useStudio();
  const p = props.payment;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-600">Receipt</dt>
      <dd className="font-medium">{p.receiptNumber}</dd>
      <dt className="text-slate-600">For</dt>
      <dd>{p.description}</dd>
      <dt className="text-slate-600">Amount</dt>
      <dd>{money(p.amountMinor, p.currency)}</dd>
      {p.refundedMinor > 0 && (
        <>
          <dt className="text-slate-600">Refunded</dt>
          <dd>{money(p.refundedMinor, p.currency)}</dd>
        </>
      )}
      <dt className="text-slate-600">Paid by</dt>
      <dd>{methodText(p.method)}</dd>
      <dt className="text-slate-600">Status</dt>
      <dd>{paymentStatusText(p)}</dd>
      {p.paidAt && (
        <>
          <dt className="text-slate-600">Paid on</dt>
          <dd>{formatDateTime(p.paidAt, timezone)}</dd>
        </>
      )}
    </dl>
  );
}

function Outcome(props: { payment: Payment }) {
  const p = props.payment;
  if (p.status === 'OPEN' || (p.status === 'SUCCEEDED' && !p.membershipId && !p.attention)) {
    return (
      <div role="status" className="flex items-start gap-3">
        <Clock className="mt-0.5 size-6 shrink-0 text-brand-700" aria-hidden />
        <div>
          <p className="font-semibold text-slate-900">Confirming your payment…</p>
          <p className="text-sm text-slate-700">
            This usually takes a few seconds. Your plan starts as soon as the payment is confirmed — you can leave this
            page, we will let you know.
          </p>
        </div>
      </div>
    );
  }
  if (isProvisional(p)) {
    return (
      <Alert tone="info">
        Direct Debit pending — first week&apos;s credits given. Bank payments take a few working days; the rest of your
        credits follow when the money arrives. If the bank does not pay, the plan stops and unused credits are taken
        back.
      </Alert>
    );
  }
  if (p.status === 'PENDING') {
    return (
      <Alert tone="info">
        Your Direct Debit is set up. Bank payments take a few working days; your plan starts when the money arrives.
      </Alert>
    );
  }
  if (p.status === 'FAILED') {
    return (
      <div role="status" className="flex items-start gap-3">
        <XCircle className="mt-0.5 size-6 shrink-0 text-red-700" aria-hidden />
        <p className="text-slate-800">
          The payment did not go through and nothing was charged.{' '}
          <Link className="font-medium text-brand-700 underline" to="/plans">
            Try again
          </Link>
        </p>
      </div>
    );
  }
  if (p.attention)
    return <Alert tone="warning">Your payment arrived. The studio will be in touch to set up your plan.</Alert>;
  return (
    <div role="status" className="flex items-start gap-3">
      <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-green-700" aria-hidden />
      <div>
        <p className="font-semibold text-slate-900">Paid — your plan is active</p>
        <p className="text-sm text-slate-700">
          Your credits are ready.{' '}
          <Link className="font-medium text-brand-700 underline" to="/membership">
            See your membership
          </Link>
        </p>
      </div>
    </div>
  );
}

/**
 * Where Checkout sends the client back. The redirect proves nothing: this page asks the server
 * until the provider's signed webhook has confirmed the payment, then doubles as the receipt.
 */
export function PaymentReceivedPage() {
  const { id = '' } = useParams();
  const payment = usePayment(id);
  return (
    <>
      <PageHeader title="Payment" description="Thank you. Here is where your payment stands." />
      {payment.isPending && <Spinner />}
      {payment.error && <Alert tone="error">{errorMessage(payment.error)}</Alert>}
      {payment.data && (
        <Card className="max-w-xl">
          <CardBody className="space-y-5">
            <Outcome payment={payment.data} />
            <Receipt payment={payment.data} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
