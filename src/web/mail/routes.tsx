/** The outbox pages of the secretariat, inside the admin frame. Each page loads on demand. */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

const OutboxPage = lazyWithNamespaces(() => import('./OutboxPage'), ['mail']);
const LetterPage = lazyWithNamespaces(() => import('./LetterPage'), ['admin', 'mail']);

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
