import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { clientProfileBody } from '../../../contracts/people';
import { DialogFormFooter } from '../../components/dialog-form-footer';
import { Dialog } from '../../components/ui/dialog';
import { api, type ApiResponse } from '../../lib/api';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { ContactAndHealthFields } from './contact-and-health-fields';

type Profile = ApiResponse<'GET /api/clients/:id/profile'>;
type ProfileForm = z.input<typeof clientProfileBody>;
type ProfileValues = z.output<typeof clientProfileBody>;
const FIELDS = ['emergencyContactName', 'emergencyContactPhone', 'dateOfBirth', 'healthNotes'] as const;

/** Staff write down a client's emergency contact, date of birth and health notes. */
export function ClientProfileDialog(props: { profile: Profile; onClose: () => void }) {
  const { profile } = props;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProfileValues) => api.put('/api/clients/:id/profile', { params: { id: profile.id }, body }),
    onSuccess: (data) => queryClient.setQueryData(['clients', profile.id, 'profile'], data),
  });
  const form = useForm<ProfileForm, unknown, ProfileValues>({
    resolver: zodResolver(clientProfileBody),
    defaultValues: {
      emergencyContactName: profile.emergencyContactName ?? '',
      emergencyContactPhone: profile.emergencyContactPhone ?? '',
      dateOfBirth: profile.dateOfBirth ?? '',
      healthNotes: profile.healthNotes ?? '',
    },
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FIELDS);
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => {
        toast.success(`${profile.name}'s profile saved.`);
        props.onClose();
      },
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={`${profile.name}'s profile`}
      description="Only staff see this. The client never sees other clients' profiles."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <ContactAndHealthFields
          register={form.register}
          errors={errors}
          healthHint="What a coach should know before a class."
          dateOfBirthAutoComplete="off"
        />
        <DialogFormFooter
          error={save.error}
          unplaced={unplaced}
          saving={save.isPending}
          submitLabel="Save"
          onClose={props.onClose}
        />
      </form>
    </Dialog>
  );
}
