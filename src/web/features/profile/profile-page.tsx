import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { PageHeader } from '../../components/ui/page';
import { authClient, authErrorMessage } from '../../lib/auth-client';
import { MIN_PASSWORD_LENGTH } from '../auth/sign-up-page';
import { useMe } from '../auth/use-me';
import { OwnProfileCard } from './own-profile-card';
import { PushNotificationsCard } from './push-notifications-card';
import { CalendarFeedCard } from '../sessions/calendar-feed-card';
import { ClassEmailsCard } from '../sessions/class-emails-card';
import { useFeatureEnabled } from '../studio/use-studio';

type Status = { tone: 'success' | 'error'; text: string } | null;

function NameForm(props: { name: string; email: string; role: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(props.name);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setStatus({ tone: 'error', text: 'Your name cannot be empty.' });
    setBusy(true);
    const { error } = await authClient.updateUser({ name: name.trim() });
    setBusy(false);
    if (error) return setStatus({ tone: 'error', text: authErrorMessage(error) });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    setStatus({ tone: 'success', text: 'Saved.' });
  }
  return (
    <Card>
      <CardHeader title="Your details" />
      <CardBody>
        <form onSubmit={submit} className="space-y-4">
          {status && <Alert tone={status.tone}>{status.text}</Alert>}
          <Field label="Name">
            <Input value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
          </Field>
          <div className="text-sm text-slate-700">
            <p>
              Email: <span className="font-medium">{props.email}</span>
            </p>
            <p className="mt-1">
              Account type: <Badge tone="brand">{props.role.toLowerCase()}</Badge>
            </p>
          </div>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH)
      return setStatus({ tone: 'error', text: `Choose a new password of at least ${MIN_PASSWORD_LENGTH} characters.` });
    setBusy(true);
    const { error } = await authClient.changePassword({
      currentPassword: current,
      newPassword: next,
      revokeOtherSessions: true,
    });
    setBusy(false);
    if (error) {
      const text = error.code === 'INVALID_PASSWORD' ? 'Your current password is not right.' : authErrorMessage(error);
      return setStatus({ tone: 'error', text });
    }
    setCurrent('');
    setNext('');
    setStatus({ tone: 'success', text: 'Password changed. Other devices have been signed out.' });
  }
  return (
    <Card>
      <CardHeader title="Change password" />
      <CardBody>
        <form onSubmit={submit} className="space-y-4">
          {status && <Alert tone={status.tone}>{status.text}</Alert>}
          <Field label="Current password">
            <Input
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </Field>
          <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
            <Input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          </Field>
          <Button type="submit" loading={busy}>
            Change password
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

export function ProfilePage() {
  const me = useMe().data!;
  // A client's class settings live here, where people look for settings (not under past classes).
  const classSettings = useFeatureEnabled('sessions') && me.role === 'CLIENT';
  return (
    <>
      <PageHeader title="Profile" />
      <div className="grid gap-5 lg:grid-cols-2">
        <NameForm name={me.name} email={me.email} role={me.role} />
        {me.role === 'CLIENT' && <OwnProfileCard />}
        <PasswordForm />
        <PushNotificationsCard />
      </div>
      {classSettings && (
        <section
          id="class-settings"
          aria-label="Class settings"
          className="mt-5 grid scroll-mt-20 gap-5 lg:grid-cols-2"
        >
          <ClassEmailsCard />
          <CalendarFeedCard />
        </section>
      )}
    </>
  );
}
