import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AccordConfig } from '../config';
import type { InvoiceFollowUps } from '../membership/invoice-service';
import type { Store } from '../store';
import type { DataVersionReader } from './data-version-reader';

/** The Fastify instance with TypeBox types, as every routes module receives it. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What routes need besides the request: the repositories (never the database) and the configuration. */
export interface AppContext {
  store: Store;
  config: AccordConfig;
  /** What paying an application's invoice does to the application (the areas meet in app.ts). */
  invoiceFollowUps?: InvoiceFollowUps;
  /** The data versions the kept answers are checked against, read once per turn of requests. */
  dataVersions: DataVersionReader;
}
