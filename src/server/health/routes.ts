import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../http/app-types';
import { isDemoNetwork } from './service';

export function healthRoutes(app: AppInstance, { store, config }: AppContext): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is Accord up, on which database, with demo data or not',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
            version: Type.String(),
            demo: Type.Boolean(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: store.dialect,
      version: config.version,
      demo: await isDemoNetwork(store),
    }),
  );
}
