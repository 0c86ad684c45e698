import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { Toaster } from 'sonner';
import { EmptyState, Spinner } from '../components/ui/page';
import { queryClient } from '../lib/query-client';
import { Guard } from './guards';
import { AppLayout } from './layout';
import { lazyPage } from './lazy-page';
import { appRoutes } from './routes';
import { UpdatePrompt } from '../pwa/update-prompt';
import { StudioHead } from './studio-head';

// The auth pages are chunks of their own too: they carry better-auth's client, which signed-in pages don't need.
const SignInPage = lazyPage(() => import('../features/auth/sign-in-page'), 'SignInPage');
const SignUpPage = lazyPage(() => import('../features/auth/sign-up-page'), 'SignUpPage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/forgot-password-page'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/reset-password-page'), 'ResetPasswordPage');

/** While a page's chunk downloads: the app's usual loading state, inside the layout (nav stays put). */
function PageLoading(props: { children: ReactNode }) {
  return <Suspense fallback={<Spinner />}>{props.children}</Suspense>;
}

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
      <StudioHead />
      <BrowserRouter>
        <Routes>
          <Route
            path="/sign-in"
            element={
              <PageLoading>
                <SignInPage />
              </PageLoading>
            }
          />
          <Route
            path="/sign-up"
            element={
              <PageLoading>
                <SignUpPage />
              </PageLoading>
            }
          />
          <Route
            path="/forgot-password"
            element={
              <PageLoading>
                <ForgotPasswordPage />
              </PageLoading>
            }
          />
          <Route
            path="/reset-password"
            element={
              <PageLoading>
                <ResetPasswordPage />
              </PageLoading>
            }
          />
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
                    <PageLoading>{r.element}</PageLoading>
                  </Guard>
                }
              />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
      <Toaster position="top-center" closeButton />
      <UpdatePrompt />
    </QueryClientProvider>
  );
}
