import { describe, expect, it } from 'vitest';
import { isForeignKeyViolation, uniqueViolation } from './constraint-errors';

/** The errors as the drivers throw them (pg's DatabaseError, better-sqlite3's SqliteError). */
const pgError = (fields: Record<string, string>) => Object.assign(new Error('duplicate'), fields);
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('uniqueViolation', () => {
  it('reads the table and the key columns PostgreSQL names', () => {
    expect(
      uniqueViolation(
        pgError({
          code: '23505',
          table: 'seats',
          constraint: 'seats_term_government',
          detail: 'Key (term_id, government_id)=(3, 7) already exists.',
        }),
      ),
    ).toEqual({ table: 'seats', columns: ['term_id', 'government_id'] });
  });

  it('reads the columns SQLite names, for constraints and unique indexes alike', () => {
    expect(
      uniqueViolation(
        sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email'),
      ),
    ).toEqual({ table: 'users', columns: ['email'] });
    expect(
      uniqueViolation(
        sqliteError(
          'SQLITE_CONSTRAINT_UNIQUE',
          'UNIQUE constraint failed: invitations.meeting_id, invitations.email',
        ),
      ),
    ).toEqual({ table: 'invitations', columns: ['meeting_id', 'email'] });
  });

  it('answers null for every other error', () => {
    expect(
      uniqueViolation(pgError({ code: '23503', detail: 'Key (id)=(1) is still referenced' })),
    ).toBeNull();
    expect(uniqueViolation(new Error('UNIQUE constraint failed: users.email'))).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
    expect(isForeignKeyViolation(pgError({ code: '23505' }))).toBe(false);
  });
});
