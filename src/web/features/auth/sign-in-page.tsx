import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { api } from '../../lib/api';
import { authClient, authErrorMessage } from '../../lib/auth-client';
import { AuthCard } from './auth-card';
import { useMe } from './use-me';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => api.get('/api/settings/sign-in-options'),
  });

  if (me.data) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({ email, password });
    setBusy(false);
    if (failure) {
      setError(authErrorMessage(failure));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    void navigate(next, { replace: true });
  }

  return (
    <AuthCard
      title="Sign in"
      subtitle="Book classes, follow your program and manage your membership."
      footer={
        <>
          New here?{' '}
          <Link to="/sign-up" className="font-medium text-brand-700 underline">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {params.get('reset') === 'done' && (
          <Alert tone="success">Your password was changed. Sign in with the new one.</Alert>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <Field label="Email">
          <Input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password">
          <Input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Button type="submit" className="w-full" loading={busy}>
          Sign in
        </Button>
        {options.data?.google && (
          <Button
            variant="secondary"
            className="w-full"
            onClick={() =>
              void authClient.signIn.social({ provider: 'google', callbackURL: `${window.location.origin}${next}` })
            }
          >
            Sign in with Google
          </Button>
        )}
        <p className="text-center text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-700 underline">
            Forgot your password?
          </Link>
        </p>
      </form>
    </AuthCard>
  );
}
