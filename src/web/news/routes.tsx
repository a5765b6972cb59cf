/**
 * The news pages, each loaded on demand. The public list and posts sit at /news; writing,
 * publishing and deleting posts sit in the admin frame, for the secretariat (admins) only.
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import { lazyWithNamespaces } from '../i18n/lazy';

/** The newest posts, for the home page. */
export { LatestNews } from './LatestNews';

const NewsListPage = lazyWithNamespaces(() => import('./NewsListPage'), ['news']);
const NewsPostPage = lazyWithNamespaces(() => import('./NewsPostPage'), ['news']);
const AdminNewsListPage = lazyWithNamespaces(
  () => import('./AdminNewsListPage'),
  ['admin', 'news'],
);
const NewsEditorPage = lazyWithNamespaces(
  () => import('./NewsEditorPage'),
  ['admin', 'editor', 'news'],
);

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const newsRoutes: RouteObject[] = [
  { path: 'news', element: page(NewsListPage) },
  { path: 'news/:slug', element: page(NewsPostPage) },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      { path: 'news', element: <Allowed action="news.manage">{page(AdminNewsListPage)}</Allowed> },
      { path: 'news/new', element: <Allowed action="news.manage">{page(NewsEditorPage)}</Allowed> },
      {
        path: 'news/:slug',
        element: <Allowed action="news.manage">{page(NewsEditorPage)}</Allowed>,
      },
    ],
  },
];
