import type { RouteObject } from 'react-router';
import { GovernmentProfile } from './GovernmentProfile';
import { MembersDirectory } from './MembersDirectory';

/** The members directory and each government's public profile. */
export const memberRoutes: RouteObject[] = [
  { path: 'members', element: <MembersDirectory /> },
  { path: 'members/:slug', element: <GovernmentProfile /> },
];
