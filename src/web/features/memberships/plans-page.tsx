import { Check } from 'lucide-react';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { BuyButton } from '../payments/buy-button';
import { useOnlinePayments } from '../payments/queries';
import { useStudio } from '../studio/use-studio';
import { usePlans } from './queries';
import { paysForOneOnOnes, planTerms, planTypeLabel, priceText } from './text';

/**
 * The plans a client can take, with price and what is included. With online payments on, a
 * client buys or subscribes here (Checkout); otherwise joining is arranged with the studio.
 */
export function PlansPage() {
  const studio = useStudio();
  const online = useOnlinePayments();
  const plans = usePlans();
  return (
    <>
      <PageHeader
        title="Plans"
        description={
          online
            ? `What ${studio.name} offers. Buy a pack or subscribe here; your credits are ready as soon as the payment is confirmed.`
            : `What ${studio.name} offers. To join a plan, ask the studio and they will set it up for you.`
        }
      />
      {plans.isPending && <Spinner />}
      {plans.error && <Alert tone="error">{errorMessage(plans.error)}</Alert>}
      {plans.data?.length === 0 && (
        <EmptyState title="No plans on offer right now">Ask the studio what they can do for you.</EmptyState>
      )}
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {plans.data?.map((p) => (
          <li key={p.id}>
            <Card className="flex h-full flex-col">
              <CardBody className="flex flex-1 flex-col gap-3">
                <div>
                  <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{planTypeLabel(p)}</p>
                  <h2 className="text-lg font-semibold text-slate-900">{p.name}</h2>
                  <p className="text-2xl font-bold text-slate-900">{priceText(p)}</p>
                  <p className="text-sm text-slate-700">{planTerms(p)}</p>
                </div>
                {p.description && <p className="text-sm text-slate-700">{p.description}</p>}
                {p.features.length > 0 && (
                  <ul className="space-y-1 text-sm text-slate-800">
                    {p.features.map((f) => (
                      <li key={f} className="flex gap-2">
                        <Check className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden /> {f}
                      </li>
                    ))}
                  </ul>
                )}
                {p.classTypes.length > 0 && !paysForOneOnOnes(p) && (
                  <p className="text-sm text-slate-700">For {p.classTypes.map((c) => c.name).join(', ')} classes</p>
                )}
                <div className="mt-auto pt-2">
                  {!p.allowRepeatPurchase && <Badge tone="info">Once per person</Badge>}
                  {online && p.price > 0 ? (
                    <div className="mt-2">
                      <BuyButton planId={p.id} planName={p.name} monthly={p.type === 'RECURRING'} />
                    </div>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600">Ask the studio to join.</p>
                  )}
                </div>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
