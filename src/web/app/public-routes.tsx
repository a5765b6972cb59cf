import type { RouteObject } from 'react-router';
import { Home } from '../home/Home';
import { MembersDirectory } from '../members/MembersDirectory';
import { GovernmentProfile } from '../members/GovernmentProfile';
import { Offices } from '../offices/Offices';

/** The pages anyone can see. */
export const publicRoutes: RouteObject[] = [
  { index: true, element: <Home /> },
  { path: 'members', element: <MembersDirectory /> },
  { path: 'members/:slug', element: <GovernmentProfile /> },
  { path: 'offices', element: <Offices /> },
];
