import type { Kysely } from 'kysely';
import type { DialectName } from './database';
import type { Database } from './schema';
import type { Executor } from './types';

/**
 * A repository module as written: every export is a function whose first parameter is the
 * executor (the database or an open transaction). `satisfies RepositoryModule` in the registry
 * turns any other export into a type error, so binding below cannot bind the wrong thing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any rest parameters: each function keeps its own.
export type RepositoryModule = Record<string, (db: Executor, ...args: any[]) => unknown>;

/** A repository module with its executor bound: what services call. */
export type Bound<M> = {
  [K in keyof M]: M[K] extends (db: Executor, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

/** Every registered repository, bound to one executor, by area name. */
export type BoundRepositories<R extends Record<string, RepositoryModule>> = {
  readonly [N in keyof R]: Bound<R[N]>;
};

/**
 * What services receive instead of the database: the repositories, and a unit of work that
 * runs a function in one transaction with every repository bound to it. Inside a transaction,
 * `transaction` joins it, so a service can call another service's writer without nesting.
 */
export type UnitOfWork<R extends Record<string, RepositoryModule>> = BoundRepositories<R> & {
  readonly dialect: DialectName;
  readonly inTransaction: boolean;
  transaction<T>(work: (tx: UnitOfWork<R>) => Promise<T>): Promise<T>;
};

function bindModule(module: RepositoryModule, executor: Executor): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(module)) {
    bound[name] = (...args: unknown[]) => fn(executor, ...args);
  }
  return bound;
}

function makeUnitOfWork<R extends Record<string, RepositoryModule>>(
  executor: Executor,
  dialect: DialectName,
  modules: R,
  inTransaction: boolean,
  target: object = {},
): UnitOfWork<R> {
  const unit = Object.assign(target, {
    dialect,
    inTransaction,
    transaction<T>(work: (tx: UnitOfWork<R>) => Promise<T>): Promise<T> {
      if (inTransaction) return work(unit);
      return (executor as Kysely<Database>)
        .transaction()
        .execute((trx) => work(makeUnitOfWork(trx, dialect, modules, true)));
    },
  }) as UnitOfWork<R>;
  // Bound lazily: a transaction usually touches two or three areas of the dozen.
  for (const name of Object.keys(modules)) {
    let bound: Record<string, unknown> | undefined;
    Object.defineProperty(unit, name, {
      enumerable: true,
      get: () => (bound ??= bindModule(modules[name] as RepositoryModule, executor)),
    });
  }
  return unit;
}

/**
 * The unit of work over an open database, built once at start-up on the database object
 * itself: start-up code, the command line and tests hold one object that is both the handle
 * (for migrations and checks) and the store that services receive.
 */
export function attachUnitOfWork<
  D extends { kysely: Kysely<Database>; dialect: DialectName },
  R extends Record<string, RepositoryModule>,
>(db: D, modules: R): D & UnitOfWork<R> {
  return makeUnitOfWork(db.kysely, db.dialect, modules, false, db) as D & UnitOfWork<R>;
}
