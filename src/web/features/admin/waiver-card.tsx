import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { publishWaiverBody } from '../../../contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Textarea } from '../../components/ui/input';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useStudio } from '../studio/use-studio';

type WaiverForm = z.input<typeof publishWaiverBody>;

/** The admin writes the waiver / health questions clients accept before their first booking. */
export function WaiverCard() {
  const { timezone } = useStudio();
  const queryClient = useQueryClient();
  const waiver = useQuery({ queryKey: ['me', 'waiver'], queryFn: () => api.get('/api/me/waiver') });
  const publish = useMutation({
    mutationFn: (body: WaiverForm) => api.put('/api/admin/waiver', { body }),
    onSuccess: (data) => {
      queryClient.setQueryData(['me', 'waiver'], data);
      toast.success(
        data.version
          ? `Version ${data.version} published. Clients accept it before their next booking.`
          : 'Waiver removed.',
      );
    },
  });
  const form = useForm<WaiverForm>({ resolver: zodResolver(publishWaiverBody), defaultValues: { text: '' } });
  const current = waiver.data;
  // Load the published text into the form once it arrives, but never over what the admin has begun
  // typing: on a slow connection they can start before the query answers.
  useEffect(() => {
    if (current && form.getValues('text') === '') form.reset({ text: current.text });
  }, [current, form]);
  return (
    <Card>
      <CardHeader
        title="Waiver and health questions"
        description={
          current?.version
            ? `Version ${current.version}, published ${formatDateTime(current.publishedAt!, timezone)}. Publishing a change asks every client to accept it again before their next booking.`
            : 'None yet. When you publish one, clients accept it before their first booking.'
        }
      />
      <CardBody>
        <form onSubmit={form.handleSubmit((values) => publish.mutate(values))} className="space-y-3" noValidate>
          <Field
            label="Waiver text"
            hint="Plain text. Leave empty and publish to stop asking."
            error={form.formState.errors.text?.message}
          >
            <Textarea rows={8} maxLength={20000} {...form.register('text')} />
          </Field>
          {publish.error && <Alert tone="error">{errorMessage(publish.error)}</Alert>}
          <Button type="submit" loading={publish.isPending}>
            Publish as a new version
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
