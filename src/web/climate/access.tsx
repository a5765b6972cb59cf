/** The frame of the climate editing pages: signed in, allowed for this government, loaded. */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api';
import { NotAllowed } from '../forms/form';
import { signInPath } from '../auth/next-path';
import { canEdit, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import type { Government } from '../types';
import { useGovernment } from './queries';
import '../components/admin.css';

/**
 * Renders children with the government once the viewer may edit its climate records (officers
 * of that government and admins); the server checks the same rule on every change.
 */
export function EditAccess({
  slug,
  children,
}: {
  slug: string;
  children(government: Government): ReactNode;
}) {
  const { user, loading } = useSession();
  const location = useLocation();
  const government = useGovernment(slug);
  if (loading || government.isPending) return <Loading />;
  if (!user) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (government.isError) {
    if (government.error instanceof ApiError && government.error.status === 404) {
      return <NotAllowed />;
    }
    return <ErrorMessage error={government.error} />;
  }
  if (!canEdit(user, government.data.id)) return <NotAllowed />;
  return <>{children(government.data)}</>;
}
