import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { Db } from '../database';
import { migrateToLatest, MIGRATION_NAMES } from '../migrate';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_climate';
import * as m0003 from './0003_governance';

/**
 * Migration 0015 on an outbox written before it: a letter sent already becomes `sent`, one
 * waiting becomes `queued` and due at once; and letters inserted afterwards with only the
 * older columns (as other areas may) take the defaults.
 */
describe.each(dialectCases())('migration 0015 (mail delivery) on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: Db;
  let drop: () => Promise<void>;
  const letter = (to: string, sentAt: string | null) => ({
    to_email: to,
    to_name: null,
    subject: `To ${to}`,
    body_text: 'Hello',
    kind: 'meeting-invitation',
    related_type: null,
    related_id: null,
    attachment_name: null,
    attachment_text: null,
    created_at: '2024-05-01T00:00:00.000Z',
    sent_at: sentAt,
  });

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    const before: Record<string, Migration> = {
      '0001_foundation': m0001,
      '0002_climate': m0002,
      '0003_governance': m0003,
    };
    const result = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: () => Promise.resolve(before) },
    }).migrateToLatest();
    expect(result.error).toBeUndefined();
    await db.kysely
      .insertInto('outbox')
      .values([letter('sent@x.test', '2024-05-02T00:00:00.000Z'), letter('waiting@x.test', null)])
      .execute();
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('is known to the build', () => {
    expect(MIGRATION_NAMES).toContain('0015_mail_delivery');
  });

  it_('marks sent letters sent and leaves the others queued, due at once', async () => {
    const rows = await db.kysely.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(
      rows.map((r) => [r.to_email, r.status, r.attempts, r.next_attempt_at, r.locale, r.body_html]),
    ).toEqual([
      ['sent@x.test', 'sent', 0, null, 'en', null],
      ['waiting@x.test', 'queued', 0, null, 'en', null],
    ]);
  });

  it_('gives a letter inserted with the older columns the defaults', async () => {
    await db.kysely.insertInto('outbox').values(letter('later@x.test', null)).execute();
    const row = await db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', 'later@x.test')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 0,
      locale: 'en',
      next_attempt_at: null,
      claimed_by: null,
      message_id: null,
    });
  });
});
