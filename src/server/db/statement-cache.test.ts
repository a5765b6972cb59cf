import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  const opened: SQLite.Database[] = [];
  const open = () => {
    const db = new SQLite(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    db.exec('INSERT INTO t VALUES (1), (2), (3)');
    opened.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });

  it('prepares a statement once and gives it again for the same SQL', () => {
    const db = open();
    const prepare = vi.spyOn(db, 'prepare');
    const cached = withStatementCache(db);
    const first = cached.prepare('SELECT n FROM t WHERE n > ?');
    const second = cached.prepare('SELECT n FROM t WHERE n > ?');
    expect(second).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(second.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('gives a statement of its own while the kept one is being iterated', () => {
    const cached = withStatementCache(open());
    const sql = 'SELECT n FROM t ORDER BY n';
    const streaming = cached.prepare(sql);
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = cached.prepare(sql);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    // Once the iteration ended, the kept statement is given again.
    expect(cached.prepare(sql)).toBe(streaming);
  });

  it('keeps the most recently used statements only', () => {
    const db = open();
    const prepare = vi.spyOn(db, 'prepare');
    const cached = withStatementCache(db, 2);
    cached.prepare('SELECT 1');
    cached.prepare('SELECT 2');
    cached.prepare('SELECT 1'); // used again: now SELECT 2 is the oldest
    cached.prepare('SELECT 3'); // lets SELECT 2 go
    expect(prepare).toHaveBeenCalledTimes(3);
    cached.prepare('SELECT 1');
    expect(prepare).toHaveBeenCalledTimes(3);
    cached.prepare('SELECT 2');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('still runs a kept statement after the table it reads changed shape', () => {
    const db = open();
    const cached = withStatementCache(db);
    expect(cached.prepare('SELECT * FROM t WHERE n = 1').all([])).toEqual([{ n: 1 }]);
    db.exec('ALTER TABLE t ADD COLUMN label TEXT');
    expect(cached.prepare('SELECT * FROM t WHERE n = 1').all([])).toEqual([{ n: 1, label: null }]);
  });

  it('closes the database', () => {
    const db = open();
    withStatementCache(db).close();
    expect(db.open).toBe(false);
  });
});
