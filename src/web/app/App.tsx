import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { Toaster } from 'sonner';
import { EmptyState } from '../components/ui/page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { queryClient } from '../lib/query-client';
import { Guard } from './guards';
import { AppLayout } from './layout';
import { appRoutes } from './routes';

function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link to="/" className="font-medium text-brand-700 underline">
          Go home
        </Link>
      }
    >
      The page you asked for does not exist.
    </EmptyState>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route
            element={
              <Guard>
                <AppLayout />
              </Guard>
            }
          >
            {appRoutes.map((r) => (
              <Route
                key={r.path}
                path={r.path}
                element={
                  <Guard roles={r.roles} feature={r.feature}>
                    {r.element}
                  </Guard>
                }
              />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
      <Toaster position="top-center" closeButton />
    </QueryClientProvider>
  );
}
