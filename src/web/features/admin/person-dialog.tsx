import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { inviteUserBody } from '../../../contracts/admin';
import { isPlaceholderEmail } from '../../../domain/users/placeholder-email';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { ROLE_LABELS } from './role-labels';

type AdminUser = ApiResponse<'GET /api/admin/users/:id'>;
type PersonForm = z.input<typeof inviteUserBody>;
type PersonValues = z.output<typeof inviteUserBody>;
const FIELDS = ['name', 'email', 'phone', 'role'] as const;

/**
 * Adds a person (and emails them an invite), or — given `person` — edits their name, email and
 * phone. The form's schema is the API's own.
 */
export function PersonDialog(props: { person?: AdminUser; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const { person } = props;
  const save = useMutation({
    mutationFn: ({ role, ...details }: PersonValues) =>
      person
        ? api.put('/api/admin/users/:id/details', { params: { id: person.id }, body: details })
        : api.post('/api/admin/users', { body: { ...details, role } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
  const form = useForm<PersonForm, unknown, PersonValues>({
    resolver: zodResolver(inviteUserBody),
    defaultValues: {
      name: person?.name ?? '',
      email: person && !isPlaceholderEmail(person.email) ? person.email : '',
      phone: person?.phone ?? '',
      role: person?.role ?? 'CLIENT',
    },
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FIELDS);
  const close = () => {
    props.onOpenChange(false);
    save.reset();
    form.reset();
  };
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        close();
        toast.success(
          person ? `${saved.name} saved.` : `${saved.name} added. An invite is on its way to ${saved.email}.`,
        );
      },
    }),
  );
  const formError = save.error && !fieldErrorsOf(save.error).length ? errorMessage(save.error) : null;
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={person ? `Edit ${person.name}` : 'Add a person'}
      description={
        person
          ? 'They sign in with the new email from now on.'
          : 'They get an email with a link to choose a password (valid for 7 days; you can send it again).'
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" maxLength={100} {...form.register('name')} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" maxLength={254} {...form.register('email')} />
        </Field>
        <Field label="Phone" hint="Optional." error={errors.phone?.message}>
          <Input type="tel" autoComplete="off" maxLength={40} {...form.register('phone')} />
        </Field>
        {!person && (
          <Field label="Role" error={errors.role?.message}>
            <Select {...form.register('role')}>
              {Object.entries(ROLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {formError && <Alert tone="error">{formError}</Alert>}
        {unplaced.map((problem) => (
          <Alert key={problem.path} tone="error">
            {problem.message}
          </Alert>
        ))}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" loading={save.isPending}>
            {person ? 'Save' : 'Add and send invite'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
