/**
 * Membership applications: the public form and the applicant's status page, an officer's
 * set-password page, and the secretariat's queue and application pages in the admin frame.
 * Each page is loaded when first opened.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';

const ApplyPage = lazy(() => import('./ApplyPage'));
const StatusPage = lazy(() => import('./StatusPage'));
const InvitationPage = lazy(() => import('./InvitationPage'));
const AdminQueuePage = lazy(() => import('./AdminQueuePage'));
const AdminApplicationPage = lazy(() => import('./AdminApplicationPage'));

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const applicationRoutes: RouteObject[] = [
  { path: 'apply', element: page(ApplyPage) },
  { path: 'apply/status/:token', element: page(StatusPage) },
  { path: 'account/invitation/:token', element: page(InvitationPage) },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      {
        path: 'applications',
        element: <Allowed action="application.manage">{page(AdminQueuePage)}</Allowed>,
      },
      {
        path: 'applications/:id',
        element: <Allowed action="application.manage">{page(AdminApplicationPage)}</Allowed>,
      },
    ],
  },
];
