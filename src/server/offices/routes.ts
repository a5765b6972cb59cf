import { Type } from 'typebox';
import type { AppInstance, AppContext } from '../http/app-types';
import { Slug } from '../http/common-schemas';
import { OfficeList } from './schemas';
import { officesOf } from './service';

export function officeRoutes(app: AppInstance, { store }: AppContext): void {
  app.get(
    '/offices',
    {
      schema: {
        tags: ['offices'],
        summary: 'Every office of the network, by region',
        querystring: Type.Object({ region: Type.Optional(Slug) }),
        response: { 200: OfficeList },
      },
    },
    (request) => officesOf(store, request.query.region),
  );
}
