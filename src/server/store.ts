/**
 * The repository registry: every area's repository under its area's name. Services receive a
 * Store (never the database handle) and reach tables only through it; `store.transaction`
 * runs a unit of work with every repository bound to the same transaction.
 */
import type { Db } from './db/database';
import { createUnitOfWork, type RepositoryModule, type UnitOfWork } from './db/unit-of-work';
import * as audit from './audit/repository';
import * as climate from './climate/repository';
import * as elections from './elections/repository';
import * as files from './files/repository';
import * as governance from './governance/repository';
import * as health from './health/repository';
import * as members from './members/repository';
import * as news from './news/repository';
import * as offices from './offices/repository';
import * as people from './people/repository';
import * as users from './users/repository';

const repositories = {
  audit,
  climate,
  elections,
  files,
  governance,
  health,
  members,
  news,
  offices,
  people,
  users,
} satisfies Record<string, RepositoryModule>;

export type Repositories = typeof repositories;
export type Store = UnitOfWork<Repositories>;

const stores = new WeakMap<Db, Store>();

/** The store of an open database: one per database, made on first use. */
export function storeOf(db: Db): Store {
  let store = stores.get(db);
  if (!store) {
    store = createUnitOfWork(db.kysely, db.dialect, repositories);
    stores.set(db, store);
  }
  return store;
}
