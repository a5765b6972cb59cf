import type { RouteObject } from 'react-router';
import { homeRoutes } from './home/routes';
import { memberRoutes } from './members/routes';
import { officeRoutes } from './offices/routes';
import { adminRoutes } from './admin/routes';
import { climateRoutes } from './climate/routes';
import { governanceRoutes } from './governance/routes';
import { newsRoutes } from './news/routes';
import { electionRoutes } from './elections/routes';
import { applicationRoutes } from './applications/routes';
import { mailRoutes } from './mail/routes';
import { membershipRoutes } from './membership/routes';
import { NotFound } from './app/NotFound';

/**
 * Every area brings its own routes (its routes.tsx); the app puts them in one frame. The
 * server knows the same addresses from `CLIENT_ROUTES` in src/core (routes.test.ts keeps the
 * two lists equal): a new page adds its pattern there too, or the server answers it with 404.
 */
export const pageRoutes: RouteObject[] = [
  ...homeRoutes,
  ...memberRoutes,
  ...officeRoutes,
  ...adminRoutes,
  ...climateRoutes,
  ...governanceRoutes,
  ...newsRoutes,
  ...electionRoutes,
  ...applicationRoutes,
  ...mailRoutes,
  ...membershipRoutes,
  { path: '*', element: <NotFound /> },
];
