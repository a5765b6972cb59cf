import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import { SessionProvider } from './auth/session';
import { Layout } from './app/Layout';
import { homeRoutes } from './home/routes';
import { memberRoutes } from './members/routes';
import { officeRoutes } from './offices/routes';
import { adminRoutes } from './admin/routes';
import { climateRoutes } from './climate/routes';
import { governanceRoutes } from './governance/routes';
import { newsRoutes } from './news/routes';
import { electionRoutes } from './elections/routes';
import { applicationRoutes } from './applications/routes';
import { mailRoutes } from './mail/routes';
import { membershipRoutes } from './membership/routes';
import { NotFound } from './app/NotFound';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

/** Every area brings its own routes (its routes.tsx); the app only puts them in one frame. */
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...homeRoutes,
      ...memberRoutes,
      ...officeRoutes,
      ...adminRoutes,
      ...climateRoutes,
      ...governanceRoutes,
      ...newsRoutes,
      ...electionRoutes,
      ...applicationRoutes,
      ...mailRoutes,
      ...membershipRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
