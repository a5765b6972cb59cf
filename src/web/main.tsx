import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n, { i18nReady } from './i18n';
import { SessionProvider } from './auth/session';
import { Layout } from './app/Layout';
import { pageRoutes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

const router = createBrowserRouter([{ element: <Layout />, children: pageRoutes }]);

// The first render waits for the page's words (never a key shown in their place); the
// problems' words follow once the page has loaded, for the first error a reader may meet.
void i18nReady.then(() => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Suspense fallback={null}>
            <RouterProvider router={router} />
          </Suspense>
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  const loadProblems = () => void i18n.loadNamespaces('problems');
  if (document.readyState === 'complete') setTimeout(loadProblems, 0);
  else window.addEventListener('load', loadProblems, { once: true });
});
