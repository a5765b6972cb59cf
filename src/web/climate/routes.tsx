/**
 * The climate pages. Each is loaded on demand (React.lazy), so the member directory and the
 * home page do not download the charts; the imports page sits in the admin frame, for admins.
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

const GovernmentClimatePage = lazyWithNamespaces(
  () => import('./GovernmentClimatePage'),
  ['admin', 'climate'],
);
const TargetFormPage = lazyWithNamespaces(() => import('./TargetFormPage'), ['admin', 'climate']);
const ActionFormPage = lazyWithNamespaces(() => import('./ActionFormPage'), ['admin', 'climate']);
const InventoryEditorPage = lazyWithNamespaces(
  () => import('./InventoryEditorPage'),
  ['admin', 'climate'],
);
const DashboardPage = lazyWithNamespaces(() => import('./DashboardPage'), ['climate']);
const ImportsPage = lazyWithNamespaces(
  () => import('./ImportsPage'),
  ['admin', 'climate', 'importReasons'],
);

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const climateRoutes: RouteObject[] = [
  { path: 'climate', element: page(DashboardPage) },
  { path: 'members/:slug/climate', element: page(GovernmentClimatePage) },
  { path: 'members/:slug/climate/targets/new', element: page(TargetFormPage) },
  { path: 'members/:slug/climate/targets/:id/edit', element: page(TargetFormPage) },
  { path: 'members/:slug/climate/actions/new', element: page(ActionFormPage) },
  { path: 'members/:slug/climate/actions/:id/edit', element: page(ActionFormPage) },
  { path: 'members/:slug/climate/inventories/:id/edit', element: page(InventoryEditorPage) },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      {
        path: 'imports',
        element: <Allowed action="climate.import">{page(ImportsPage)}</Allowed>,
      },
    ],
  },
];
