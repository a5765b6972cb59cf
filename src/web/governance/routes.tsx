/**
 * The governance pages: governing bodies and their meetings for everyone, and the meeting
 * pages of the secretariat inside the admin frame. Each page loads on demand.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';

const BodiesPage = lazy(() => import('./BodiesPage'));
const BodyPage = lazy(() => import('./BodyPage'));
const TermPage = lazy(() => import('./TermPage'));
const SeatHistoryPage = lazy(() => import('./SeatHistoryPage'));
const MeetingsPage = lazy(() => import('./MeetingsPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const AdminMeetingsPage = lazy(() => import('./AdminMeetingsPage'));
const MeetingFormPage = lazy(() => import('./MeetingFormPage'));
const ManageMeetingPage = lazy(() => import('./ManageMeetingPage'));

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
