import type { AppContext, AppInstance } from '../http/app-types';

export function newsRoutes(_app: AppInstance, _ctx: AppContext): void {}
