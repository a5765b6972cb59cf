import type { RouteObject } from 'react-router';
import { Home } from './Home';

/** The home page with the members map. */
export const homeRoutes: RouteObject[] = [{ index: true, element: <Home /> }];
