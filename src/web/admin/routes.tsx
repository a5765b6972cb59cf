import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { lazyPage } from '../app/lazy-page';

// Each page is its own chunk, loaded when first shown.
const PasswordPage = lazyPage(() => import('../auth/PasswordPage'), 'PasswordPage', [
  'admin',
  'auth',
]);
const SignIn = lazyPage(() => import('../auth/SignIn'), 'SignIn', ['admin', 'auth']);
const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage', ['admin']);
const DismissalsPage = lazyPage(() => import('./DismissalsPage'), 'DismissalsPage', ['admin']);
const DuplicatesPage = lazyPage(() => import('./DuplicatesPage'), 'DuplicatesPage', [
  'admin',
  'climate',
]);
const GovernmentEdit = lazyPage(() => import('./GovernmentEdit'), 'GovernmentEdit', ['admin']);
const GovernmentList = lazyPage(() => import('./GovernmentList'), 'GovernmentList', [
  'admin',
  'membership',
]);
const GovernmentNew = lazyPage(() => import('./GovernmentNew'), 'GovernmentNew', ['admin']);
const MergesPage = lazyPage(() => import('./MergesPage'), 'MergesPage', ['admin']);
const Overview = lazyPage(() => import('./Overview'), 'Overview', ['admin']);
const PeoplePage = lazyPage(() => import('./PeoplePage'), 'PeoplePage', ['admin']);
const TokensPage = lazyPage(() => import('./TokensPage'), 'TokensPage', ['admin']);
const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage', ['admin']);

/**
 * Sign-in, one's own password and the administration area. AdminFrame lets in admins and officers only;
 * Allowed keeps each secretariat page to those the policy lets do its action. The government edit page checks
 * for itself, since an officer may edit their own government there.
 */
export const adminRoutes: RouteObject[] = [
  { path: '/signin', element: <SignIn /> },
  { path: '/account/password', element: <PasswordPage /> },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      { index: true, element: <Overview /> },
      {
        path: 'governments',
        element: (
          <Allowed action="government.create">
            <GovernmentList />
          </Allowed>
        ),
      },
      {
        path: 'governments/new',
        element: (
          <Allowed action="government.create">
            <GovernmentNew />
          </Allowed>
        ),
      },
      { path: 'governments/:slug', element: <GovernmentEdit /> },
      {
        path: 'duplicates',
        element: (
          <Allowed action="government.merge">
            <DuplicatesPage />
          </Allowed>
        ),
      },
      {
        path: 'duplicates/dismissed',
        element: (
          <Allowed action="government.merge">
            <DismissalsPage />
          </Allowed>
        ),
      },
      {
        path: 'merges',
        element: (
          <Allowed action="government.merge">
            <MergesPage />
          </Allowed>
        ),
      },
      {
        path: 'people',
        element: (
          <Allowed action="person.delete">
            <PeoplePage />
          </Allowed>
        ),
      },
      {
        path: 'users',
        element: (
          <Allowed action="user.manage">
            <UsersPage />
          </Allowed>
        ),
      },
      {
        path: 'audit',
        element: (
          <Allowed action="audit.read">
            <AuditPage />
          </Allowed>
        ),
      },
      { path: 'tokens', element: <TokensPage /> },
    ],
  },
];
