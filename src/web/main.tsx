import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { ApiError, onSessionLost } from './lib/api';
import { fetchSession, loginPath, SESSION_KEY } from './lib/session';
import { router } from './router';
import './styles/base.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry only what might heal by itself: network trouble and server errors.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

// The server ended the session (idle timeout, logout elsewhere, password changed): forget what
// this tab knew about the person and send them to sign in again, back to where they were.
onSessionLost(() => {
  queryClient.clear();
  queryClient.setQueryData(SESSION_KEY, null);
  const { pathname, search } = window.location;
  if (pathname.startsWith('/admin') || pathname.startsWith('/m')) {
    void router.navigate(loginPath(pathname + search, 'expired'), { replace: true });
  }
});

// The console and the phone pages start by asking who is signed in: ask now, beside the chunks
// loading, rather than after the shell has loaded and rendered (one round trip less on a slow line).
if (/^\/(admin|m)(\/|$)/.test(window.location.pathname)) {
  void queryClient.prefetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
