/**
 * The election pages, each loaded on demand (the result chart brings ECharts with it). The
 * list and each election are public; what a viewer may do there (nominate, vote) follows from
 * the API's `viewer` block. Calling and running elections sits in the admin frame, for admins.
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

const ElectionListPage = lazyWithNamespaces(() => import('./ElectionListPage'), ['elections']);
const ElectionPage = lazyWithNamespaces(() => import('./ElectionPage'), ['admin', 'elections']);
const AdminElectionListPage = lazyWithNamespaces(
  () => import('./AdminElectionListPage'),
  ['elections'],
);
const ElectionEditorPage = lazyWithNamespaces(
  () => import('./ElectionEditorPage'),
  ['admin', 'elections'],
);

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
