import type { RouteObject } from 'react-router';
import { Offices } from './Offices';

/** The offices directory. */
export const officeRoutes: RouteObject[] = [{ path: 'offices', element: <Offices /> }];
