import type { RouteObject } from 'react-router';
import { PasswordPage } from '../auth/PasswordPage';
import { SignIn } from '../auth/SignIn';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { AuditPage } from './AuditPage';
import { DismissalsPage } from './DismissalsPage';
import { DuplicatesPage } from './DuplicatesPage';
import { GovernmentEdit } from './GovernmentEdit';
import { GovernmentList } from './GovernmentList';
import { GovernmentNew } from './GovernmentNew';
import { MergesPage } from './MergesPage';
import { Overview } from './Overview';
import { PeoplePage } from './PeoplePage';
import { TokensPage } from './TokensPage';
import { UsersPage } from './UsersPage';

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
