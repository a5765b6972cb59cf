/**
 * The governance pages: governing bodies and their meetings for everyone, and the meeting
 * pages of the secretariat inside the admin frame. Each page loads on demand.
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

const BodiesPage = lazyWithNamespaces(() => import('./BodiesPage'), ['admin', 'governance']);
const BodyPage = lazyWithNamespaces(() => import('./BodyPage'), ['admin', 'governance']);
const TermPage = lazyWithNamespaces(() => import('./TermPage'), ['admin', 'governance']);
const SeatHistoryPage = lazyWithNamespaces(
  () => import('./SeatHistoryPage'),
  ['admin', 'governance'],
);
const MeetingsPage = lazyWithNamespaces(() => import('./MeetingsPage'), ['admin', 'governance']);
const MeetingPage = lazyWithNamespaces(() => import('./MeetingPage'), ['admin', 'governance']);
const AdminMeetingsPage = lazyWithNamespaces(() => import('./AdminMeetingsPage'), ['governance']);
const MeetingFormPage = lazyWithNamespaces(
  () => import('./MeetingFormPage'),
  ['admin', 'governance'],
);
const ManageMeetingPage = lazyWithNamespaces(
  () => import('./ManageMeetingPage'),
  ['admin', 'editor', 'governance'],
);

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const governanceRoutes: RouteObject[] = [
  { path: 'bodies', element: page(BodiesPage) },
  { path: 'bodies/:slug', element: page(BodyPage) },
  { path: 'bodies/:slug/terms/:termId', element: page(TermPage) },
  { path: 'bodies/:slug/seats/:id', element: page(SeatHistoryPage) },
  { path: 'meetings', element: page(MeetingsPage) },
  { path: 'meetings/:id', element: page(MeetingPage) },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      {
        path: 'meetings',
        element: <Allowed action="meeting.manage">{page(AdminMeetingsPage)}</Allowed>,
      },
      {
        path: 'meetings/new',
        element: <Allowed action="meeting.manage">{page(MeetingFormPage)}</Allowed>,
      },
      {
        path: 'meetings/:id',
        element: <Allowed action="meeting.manage">{page(ManageMeetingPage)}</Allowed>,
      },
      {
        path: 'meetings/:id/edit',
        element: <Allowed action="meeting.manage">{page(MeetingFormPage)}</Allowed>,
      },
    ],
  },
];
