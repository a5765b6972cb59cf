import type { RouteObject } from 'react-router';
import { SignIn } from '../auth/SignIn';
import { AdminFrame, AdminOnly } from '../app/AdminFrame';
import { AuditPage } from './AuditPage';
import { GovernmentEdit } from './GovernmentEdit';
import { GovernmentList } from './GovernmentList';
import { GovernmentNew } from './GovernmentNew';
import { Overview } from './Overview';
import { PeoplePage } from './PeoplePage';
import { TokensPage } from './TokensPage';
import { UsersPage } from './UsersPage';

/**
 * Sign-in and the administration area. AdminFrame lets in admins and officers only;
 * AdminOnly keeps the secretariat's pages from officers. The government edit page checks
 * for itself, since an officer may edit their own government there.
 */
export const adminRoutes: RouteObject[] = [
  { path: '/signin', element: <SignIn /> },
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      { index: true, element: <Overview /> },
      {
        path: 'governments',
        element: (
          <AdminOnly>
            <GovernmentList />
          </AdminOnly>
        ),
      },
      {
        path: 'governments/new',
        element: (
          <AdminOnly>
            <GovernmentNew />
          </AdminOnly>
        ),
      },
      { path: 'governments/:slug', element: <GovernmentEdit /> },
      {
        path: 'people',
        element: (
          <AdminOnly>
            <PeoplePage />
          </AdminOnly>
        ),
      },
      {
        path: 'users',
        element: (
          <AdminOnly>
            <UsersPage />
          </AdminOnly>
        ),
      },
      {
        path: 'audit',
        element: (
          <AdminOnly>
            <AuditPage />
          </AdminOnly>
        ),
      },
      { path: 'tokens', element: <TokensPage /> },
    ],
  },
];
