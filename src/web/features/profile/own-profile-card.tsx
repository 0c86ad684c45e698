import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { myProfileBody } from '../../../contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { Spinner } from '../../components/ui/page';
import { api, errorMessage, type ApiResponse } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/field-errors';
import { useServerFieldErrors } from '../../lib/server-field-errors';
import { ContactAndHealthFields } from '../people/contact-and-health-fields';

type Profile = ApiResponse<'GET /api/me/profile'>;
type ProfileForm = z.input<typeof myProfileBody>;
type ProfileValues = z.output<typeof myProfileBody>;
const FIELDS = ['phone', 'emergencyContactName', 'emergencyContactPhone', 'dateOfBirth', 'healthNotes'] as const;
const KEY = ['me', 'profile'];

/** A client keeps their phone, emergency contact, date of birth and health notes up to date for the studio. */
export function OwnProfileCard() {
  const profile = useQuery({ queryKey: KEY, queryFn: () => api.get('/api/me/profile') });
  return (
    <Card>
      <CardHeader title="Contact and health" />
      <CardBody>
        {profile.data ? (
          <OwnProfileForm profile={profile.data} />
        ) : profile.error ? (
          <Alert tone="error">{errorMessage(profile.error)}</Alert>
        ) : (
          <Spinner />
        )}
      </CardBody>
    </Card>
  );
}

function OwnProfileForm({ profile }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProfileValues) => api.put('/api/me/profile', { body }),
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
  const form = useForm<ProfileForm, unknown, ProfileValues>({
    resolver: zodResolver(myProfileBody),
    defaultValues: {
      phone: profile.phone ?? '',
      emergencyContactName: profile.emergencyContactName ?? '',
      emergencyContactPhone: profile.emergencyContactPhone ?? '',
      dateOfBirth: profile.dateOfBirth ?? '',
      healthNotes: profile.healthNotes ?? '',
    },
  });
  const { errors } = form.formState;
  const unplaced = useServerFieldErrors(form, save.error, FIELDS);
  const formError = save.error && !fieldErrorsOf(save.error).length ? errorMessage(save.error) : null;
  const submit = form.handleSubmit((values) =>
    save.mutate(values, { onSuccess: () => toast.success('Your contact and health details are saved.') }),
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">Only you and the studio's staff see these. Other members never do.</p>
      <Field label="Your phone" error={errors.phone?.message}>
        <Input type="tel" autoComplete="tel" maxLength={40} {...form.register('phone')} />
      </Field>
      <ContactAndHealthFields
        register={form.register}
        errors={errors}
        healthHint="Anything your coach should know before a class."
        dateOfBirthAutoComplete="bday"
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      {unplaced.map((problem) => (
        <Alert key={problem.path} tone="error">
          {problem.message}
        </Alert>
      ))}
      <Button type="submit" loading={save.isPending}>
        Save details
      </Button>
    </form>
  );
}
