import { useState } from 'react';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { errorMessage } from '../../lib/api';
import type { CohortStatus } from './types';
import { useUpdateCohort, type CohortDetail } from './use-cohorts';

/** The next step of a cohort's life the page offers (the server decides what is allowed). */
const NEXT: Partial<
  Record<CohortStatus, { to: CohortStatus; label: string; title: string; description: string; done: string }>
> = {
  DRAFT: {
    to: 'ACTIVE',
    label: 'Open the cohort',
    title: 'Open this cohort?',
    description: 'Enrolled clients start getting check-in reminders and questionnaires from its start date.',
    done: 'The cohort is open.',
  },
  ACTIVE: {
    to: 'COMPLETED',
    label: 'Mark as completed',
    title: 'Complete this cohort now?',
    description:
      'Every membership is completed: no more reminders or questionnaires. Clients keep their history and feedback. This happens by itself on the end date.',
    done: 'The cohort is completed.',
  },
  COMPLETED: {
    to: 'ARCHIVED',
    label: 'Archive',
    title: 'Archive this cohort?',
    description:
      'It leaves the cohort list and the clients\' "My cohort" page. Its data is kept and it can be restored.',
    done: 'The cohort is archived.',
  },
  ARCHIVED: {
    to: 'COMPLETED',
    label: 'Restore',
    title: 'Restore this cohort?',
    description: 'It comes back to the cohort list as completed.',
    done: 'The cohort is restored.',
  },
};

export function CohortStatusAction(props: { cohort: CohortDetail }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateCohort(props.cohort.id);
  const next = NEXT[props.cohort.status];
  if (!next) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {next.label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) update.reset();
        }}
        title={next.title}
        description={next.description}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { status: next.to },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      toast.success(next.done);
                    },
                  },
                )
              }
            >
              {next.label}
            </Button>
          </>
        }
      >
        {update.error && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      </Dialog>
    </>
  );
}
