import type { AppContext, AppInstance } from '../http/app-types';

export function governanceRoutes(_app: AppInstance, _ctx: AppContext): void {}
