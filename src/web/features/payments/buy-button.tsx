import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { errorMessage } from '../../lib/api';
import { useCheckout } from './queries';

/** Buy a pack or programme, or subscribe to a monthly plan: off to the provider's checkout. */
export function BuyButton(props: { planId: string; planName: string; monthly: boolean }) {
  const checkout = useCheckout();
  return (
    <div className="space-y-2">
      <Button
        className="w-full"
        loading={checkout.isPending || checkout.isSuccess}
        onClick={() => checkout.mutate(props.planId)}
        aria-label={`${props.monthly ? 'Subscribe to' : 'Buy'} ${props.planName}`}
      >
        {props.monthly ? 'Subscribe' : 'Buy'}
      </Button>
      {checkout.error && <Alert tone="error">{errorMessage(checkout.error)}</Alert>}
    </div>
  );
}
