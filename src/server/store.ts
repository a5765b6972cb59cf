/**
 * The repository registry: every area's repository under its area's name. Services receive a
 * Store (never the database handle) and reach tables only through it; `store.transaction`
 * runs a unit of work with every repository bound to the same transaction.
 */
import { openDatabase, type Db } from './db/database';
import { attachUnitOfWork, type RepositoryModule, type UnitOfWork } from './db/unit-of-work';
import * as applications from './applications/repository';
import * as audit from './audit/repository';
import * as climate from './climate/repository';
import * as dismissals from './members/dismissal-repository';
import * as elections from './elections/repository';
import * as files from './files/repository';
import * as governance from './governance/repository';
import * as imports from './climate/imports/repository';
import * as importMatches from './climate/imports/match-repository';
import * as health from './health/repository';
import * as mail from './mail/repository';
import * as jobs from './jobs/repository';
import * as members from './members/repository';
import * as membership from './membership/repository';
import * as feeSchedules from './membership/fee-repository';
import * as merges from './members/merge-repository';
import * as news from './news/repository';
import * as offices from './offices/repository';
import * as people from './people/repository';
import * as users from './users/repository';

const repositories = {
  applications,
  audit,
  climate,
  dismissals,
  elections,
  feeSchedules,
  files,
  governance,
  health,
  imports,
  importMatches,
  mail,
  jobs,
  members,
  membership,
  merges,
  news,
  offices,
  people,
  users,
} satisfies Record<string, RepositoryModule>;

export type Repositories = typeof repositories;
export type Store = UnitOfWork<Repositories>;

/** An open database that is also its store: what start-up, the command line and tests hold. */
export type StoreDb = Db & Store;

/** Opens the database (see openDatabase) with its repositories attached. */
export function openStore(options: Parameters<typeof openDatabase>[0]): StoreDb {
  return storeOver(openDatabase(options));
}

/** The repositories over an open database (a test's, say, whose Kysely counts its queries). */
export function storeOver(db: Db): StoreDb {
  return attachUnitOfWork(db, repositories);
}
