import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { authClient, authErrorMessage } from '../../lib/auth-client';
import { AuthCard } from './auth-card';
import { MIN_PASSWORD_LENGTH } from './sign-up-page';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token');
  // An invite from the studio uses the same one-time link as a reset (ADR 0021).
  const invited = params.get('invite') === '1';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    params.get('error') ? 'This reset link is invalid or has expired. Ask for a new one.' : null,
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    if (password.length < MIN_PASSWORD_LENGTH)
      return setError(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.resetPassword({ newPassword: password, token });
    setBusy(false);
    if (failure) return setError(authErrorMessage(failure));
    void navigate('/sign-in?reset=done', { replace: true });
  }

  return (
    <AuthCard
      title={invited ? 'Welcome! Choose your password' : 'Choose a new password'}
      footer={
        <Link to="/forgot-password" className="font-medium text-brand-700 underline">
          Ask for a new link
        </Link>
      }
    >
      {!token ? (
        <Alert tone="error">{error ?? 'This page needs the link from your reset email.'}</Alert>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          <Field label={invited ? 'Password' : 'New password'} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
            <Input
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" className="w-full" loading={busy}>
            {invited ? 'Save password' : 'Save new password'}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
