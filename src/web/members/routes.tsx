import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

// Each page is its own chunk, loaded when first shown.
const GovernmentProfile = lazyPage(() => import('./GovernmentProfile'), 'GovernmentProfile', [
  'climate',
  'members',
]);
const MembersDirectory = lazyPage(() => import('./MembersDirectory'), 'MembersDirectory', [
  'members',
]);

/** The members directory and each government's public profile. */
export const memberRoutes: RouteObject[] = [
  { path: 'members', element: <MembersDirectory /> },
  { path: 'members/:slug', element: <GovernmentProfile /> },
];
