import type { AppContext, AppInstance } from '../http/app-types';

export function electionRoutes(_app: AppInstance, _ctx: AppContext): void {}
