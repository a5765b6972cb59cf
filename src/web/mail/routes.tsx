/** The outbox pages of the secretariat, inside the admin frame. Each page loads on demand. */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';

const OutboxPage = lazy(() => import('./OutboxPage'));
const LetterPage = lazy(() => import('./LetterPage'));

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Allowed action="mail.manage">
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </Allowed>
  );
}

export const mailRoutes: RouteObject[] = [
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      { path: 'mail', element: page(OutboxPage) },
      { path: 'mail/:id', element: page(LetterPage) },
    ],
  },
];
