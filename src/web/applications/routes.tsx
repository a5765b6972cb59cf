/**
 * Membership applications: the public form and the applicant's status page, an officer's
 * set-password page, and the secretariat's queue and application pages in the admin frame.
 * Each page is loaded when first opened.
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

const ApplyPage = lazyWithNamespaces(() => import('./ApplyPage'), ['admin', 'applications']);
const StatusPage = lazyWithNamespaces(() => import('./StatusPage'), ['admin', 'applications']);
const InvitationPage = lazyWithNamespaces(
  () => import('./InvitationPage'),
  ['admin', 'applications'],
);
const AdminQueuePage = lazyWithNamespaces(() => import('./AdminQueuePage'), ['applications']);
const AdminApplicationPage = lazyWithNamespaces(
  () => import('./AdminApplicationPage'),
  ['admin', 'applications'],
);

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
