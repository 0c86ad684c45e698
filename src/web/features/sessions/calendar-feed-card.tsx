import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy } from 'lucide-react';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Dialog } from '../../components/ui/dialog';
import { api, errorMessage } from '../../lib/api';

const feedKey = ['me', 'calendar-feed'] as const;

/** The private ICS address of the client's classes, to subscribe to from a calendar app. */
export function CalendarFeedCard() {
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: feedKey,
    queryFn: () => api.get('/api/me/calendar-feed'),
    staleTime: Infinity,
  });
  const reset = useMutation({
    mutationFn: () => api.post('/api/me/calendar-feed/reset'),
    onSuccess: (data) => queryClient.setQueryData(feedKey, data),
  });
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success('Calendar address copied.');
    } catch {
      // Clipboard refused (e.g. not a secure context): select it so the person can copy it themselves.
      inputRef.current?.select();
      toast.info('Select the address and copy it.');
    }
  };
  const webcal = feed.data?.url.replace(/^https?:/, 'webcal:');

  return (
    <Card>
      <CardHeader
        title="Calendar feed"
        description="Your classes in Google Calendar, Apple Calendar or Outlook, kept up to date."
      />
      <CardBody className="space-y-3">
        {feed.isPending && <p className="text-sm text-slate-600">Loading…</p>}
        {feed.error && <Alert tone="error">{errorMessage(feed.error)}</Alert>}
        {feed.data && (
          <>
            <div className="flex gap-2">
              <label htmlFor="calendar-feed-url" className="sr-only">
                Your private calendar address
              </label>
              <input
                id="calendar-feed-url"
                ref={inputRef}
                readOnly
                value={feed.data.url}
                onFocus={(e) => e.target.select()}
                className="block h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-800"
              />
              <Button variant="secondary" onClick={() => void copy(feed.data.url)} aria-label="Copy calendar address">
                <Copy className="size-4" aria-hidden /> <span className="hidden sm:inline">Copy</span>
              </Button>
            </div>
            <p className="text-sm text-slate-600">
              Google Calendar: Other calendars → From URL, paste the address. iPhone or Mac:{' '}
              <a href={webcal} className="font-medium text-brand-700 underline">
                subscribe in Apple Calendar
              </a>
              . Keep the address private: anyone who has it can see your classes.
            </p>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
              Reset the address
            </Button>
          </>
        )}
      </CardBody>
      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) reset.reset();
        }}
        title="Reset your calendar address?"
        description="The old address stops working at once. Calendars subscribed to it will stop updating until you add the new one."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              loading={reset.isPending}
              onClick={() =>
                reset.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    toast.success('New calendar address ready. Add it to your calendar again.');
                  },
                })
              }
            >
              Reset
            </Button>
          </>
        }
      >
        {reset.error && <Alert tone="error">{errorMessage(reset.error)}</Alert>}
      </Dialog>
    </Card>
  );
}
