import type { AppContext, AppInstance } from '../http/app-types';

export function fileRoutes(_app: AppInstance, _ctx: AppContext): void {}
