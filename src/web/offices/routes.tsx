import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

// Each page is its own chunk, loaded when first shown.
const Offices = lazyPage(() => import('./Offices'), 'Offices', ['admin', 'offices']);

/** The offices directory. */
export const officeRoutes: RouteObject[] = [{ path: 'offices', element: <Offices /> }];
