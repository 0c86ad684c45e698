import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { pauseBody } from '../../../contracts/credits';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { api, errorMessage } from '../../lib/api';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { useUserMutation } from './queries';
import { localDateText } from './text';
import type { Membership } from './types';

type PauseForm = z.input<typeof pauseBody>;

/** Staff book a pause for dates: it starts and ends by itself (the membership-pauses job). */
export function PauseForDatesButton(props: { membership: Membership; userId: string }) {
  const m = props.membership;
  const [open, setOpen] = useState(false);
  const pause = useUserMutation(props.userId, (body: z.output<typeof pauseBody>) =>
    api.put('/api/admin/memberships/:id/pause', { params: { id: m.id }, body }),
  );
  const form = useForm<PauseForm, unknown, z.output<typeof pauseBody>>({
    resolver: zodResolver(pauseBody),
    defaultValues: { from: m.pause?.from ?? '', until: m.pause?.until ?? '', reason: m.pause?.reason ?? '' },
  });
  const unplaced = useServerFieldErrors(form, pause.error, ['from', 'until', 'reason']);
  const close = () => {
    setOpen(false);
    pause.reset();
  };
  const submit = form.handleSubmit((body) =>
    pause.mutate(body, {
      onSuccess: () => {
        close();
        toast.success(
          `${m.planName} is paused from ${localDateText(body.from)} to ${localDateText(body.until)}; it resumes by itself the day after.`,
        );
      },
    }),
  );
  const errors = form.formState.errors;
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`${m.pause ? 'Change the booked pause' : 'Pause for dates'}: ${m.planName}`}
      >
        {m.pause ? 'Change pause' : 'Pause for dates'}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title={`Pause ${m.planName}`}
        description="Credits are on hold while paused. Whole weeks inside the pause get no weekly credits (unused ones already given are removed, and come back if the pause is shortened or ended early). It resumes by itself the day after the last day."
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Keep it as it is
            </Button>
            <Button type="submit" form={`pause-${m.id}`} loading={pause.isPending}>
              Book the pause
            </Button>
          </>
        }
      >
        <form id={`pause-${m.id}`} onSubmit={submit} noValidate className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="First day" error={errors.from?.message}>
              <Input type="date" className="min-w-0" {...form.register('from')} />
            </Field>
            <Field label="Last day" error={errors.until?.message}>
              <Input type="date" className="min-w-0" {...form.register('until')} />
            </Field>
          </div>
          <Field
            label="Reason"
            hint="Kept in the audit log, e.g. “Holiday” or “Knee injury”."
            error={errors.reason?.message}
          >
            <Input autoComplete="off" maxLength={200} {...form.register('reason')} />
          </Field>
          {(unplaced.length > 0 || (pause.error && !errors.from && !errors.until && !errors.reason)) && (
            <Alert tone="error">{unplaced.map((u) => u.message).join(' ') || errorMessage(pause.error)}</Alert>
          )}
        </form>
      </Dialog>
    </>
  );
}
