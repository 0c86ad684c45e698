import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError, api, errorMessage } from '../../lib/api';

/**
 * The studio's waiver, shown when the server refuses a booking with WAIVER_REQUIRED: the client
 * reads it, accepts this version, and the booking they asked for goes ahead.
 */
export function useWaiverGate(onAccepted: () => void): { handles: (error: unknown) => boolean; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  return {
    handles: (error) => {
      const required = error instanceof ApiError && error.code === 'WAIVER_REQUIRED';
      if (required) setOpen(true);
      return required;
    },
    dialog: open ? (
      <WaiverDialog
        onClose={() => setOpen(false)}
        onAccepted={() => {
          setOpen(false);
          onAccepted();
        }}
      />
    ) : null,
  };
}

function WaiverDialog(props: { onClose: () => void; onAccepted: () => void }) {
  const queryClient = useQueryClient();
  const waiver = useQuery({ queryKey: ['me', 'waiver'], queryFn: () => api.get('/api/me/waiver') });
  const accept = useMutation({
    mutationFn: (version: number) => api.post('/api/me/waiver/accept', { body: { version } }),
    onSuccess: (data) => {
      queryClient.setQueryData(['me', 'waiver'], data);
      props.onAccepted();
    },
    // A newer version was published while it was open: show that one.
    onError: () => queryClient.invalidateQueries({ queryKey: ['me', 'waiver'] }),
  });
  const version = waiver.data?.version ?? 0;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title="Before your first class"
      description="Please read the studio's waiver and health questions. Tell your coach about any injury or condition."
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            Not now
          </Button>
          <Button disabled={version === 0} loading={accept.isPending} onClick={() => accept.mutate(version)}>
            I accept and book
          </Button>
        </>
      }
    >
      {waiver.error && <Alert tone="error">{errorMessage(waiver.error)}</Alert>}
      {accept.error && <Alert tone="error">{errorMessage(accept.error)}</Alert>}
      <div
        className="max-h-[50vh] overflow-y-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800"
        tabIndex={0}
        aria-label="Waiver text"
      >
        {waiver.isPending ? 'Loading…' : waiver.data?.text}
      </div>
    </Dialog>
  );
}
