/**
 * The election pages, each loaded on demand (the result chart brings ECharts with it). The
 * list and each election are public; what a viewer may do there (nominate, vote) follows from
 * the API's `viewer` block. Calling and running elections sits in the admin frame, for admins.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';

const ElectionListPage = lazy(() => import('./ElectionListPage'));
const ElectionPage = lazy(() => import('./ElectionPage'));
const AdminElectionListPage = lazy(() => import('./AdminElectionListPage'));
const ElectionEditorPage = lazy(() => import('./ElectionEditorPage'));

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const electionRoutes: RouteObject[] = [
  { path: 'elections', element: page(ElectionListPage) },
  { path: 'elections/:id', element: page(ElectionPage) },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      {
        path: 'elections',
        element: <Allowed action="election.manage">{page(AdminElectionListPage)}</Allowed>,
      },
      {
        path: 'elections/new',
        element: <Allowed action="election.manage">{page(ElectionEditorPage)}</Allowed>,
      },
      {
        path: 'elections/:id',
        element: <Allowed action="election.manage">{page(ElectionEditorPage)}</Allowed>,
      },
    ],
  },
];
