import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { MeetingStatus } from '../../core/governance';
import type { Db } from '../db/database';
import { nowIso } from '../db/types';

/**
 * Helpers for the news and files API tests: meetings written straight into the database
 * (the governance routes are not theirs to depend on) and hand-built multipart bodies.
 */

export type FormPart =
  | { name: string; value: string }
  | { name: string; filename: string; contentType: string; data: Buffer };

/** A multipart/form-data body as a browser would send it. */
export function multipart(parts: FormPart[]): {
  payload: Buffer;
  headers: { 'content-type': string };
} {
  const boundary = `----accord-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if ('data' in part) {
      head += `; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`;
      chunks.push(Buffer.from(head, 'utf8'), part.data, Buffer.from('\r\n'));
    } else {
      head += '\r\n\r\n';
      chunks.push(Buffer.from(`${head}${part.value}\r\n`, 'utf8'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A JPEG photo in a random colour: stored files are content-addressed, so unique bytes keep
 * tests (and other test files sharing the data folder) from touching each other's files.
 */
export function makePhoto(width = 1200, height = 800): Promise<Buffer> {
  const hex = () => randomInt(0, 256).toString(16).padStart(2, '0');
  return sharp({ create: { width, height, channels: 3, background: `#${hex()}${hex()}${hex()}` } })
    .jpeg()
    .toBuffer();
}

export async function governmentId(db: Db, slug: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('governments')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertBody(db: Db, slug: string, names: Record<string, string>) {
  const now = nowIso();
  const row = await db.kysely
    .insertInto('bodies')
    .values({
      slug,
      kind: 'rexcom',
      region_id: null,
      names: JSON.stringify(names),
      description: '{}',
      quorum_numerator: 1,
      quorum_denominator: 2,
      quorum_strict: 1,
      proxies_count: 1,
      max_principals_per_proxy: 1,
      majority_rule: 'simple',
      term_years: 3,
      sort_order: 0,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MeetingSeed {
  title: Record<string, string>;
  status?: MeetingStatus;
  startsAt?: string;
  timeZone?: string;
  bodyId?: number | null;
  /** Governments with someone present; `absent` ones are recorded but not present. */
  present?: number[];
  absent?: number[];
  agenda?: Record<string, string>[];
}

export async function insertMeeting(db: Db, seed: MeetingSeed): Promise<number> {
  const now = nowIso();
  const startsAt = seed.startsAt ?? '2020-11-26T05:00:00.000Z';
  const meeting = await db.kysely
    .insertInto('meetings')
    .values({
      uid: `${randomUUID()}@accord.test`,
      body_id: seed.bodyId ?? null,
      term_id: null,
      title: JSON.stringify(seed.title),
      format: 'online',
      status: seed.status ?? 'closed',
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
      time_zone: seed.timeZone ?? 'Asia/Seoul',
      venue: null,
      join_url: null,
      minutes_html: null,
      sequence: 0,
      closed_at: seed.status === 'closed' || seed.status === undefined ? now : null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attendance = [
    ...(seed.present ?? []).map((id) => ({ id, present: 1 })),
    ...(seed.absent ?? []).map((id) => ({ id, present: 0 })),
  ];
  for (const [i, a] of attendance.entries()) {
    await db.kysely
      .insertInto('attendance')
      .values({
        meeting_id: meeting.id,
        government_id: a.id,
        person_id: null,
        name: `Delegate ${i + 1}`,
        capacity: 'own-right',
        principal_person_id: null,
        principal_name: null,
        mode: 'online',
        present: a.present,
        recorded_at: now,
      })
      .execute();
  }
  for (const [i, title] of (seed.agenda ?? []).entries()) {
    await db.kysely
      .insertInto('agenda_items')
      .values({
        meeting_id: meeting.id,
        parent_id: null,
        position: i + 1,
        kind: 'report',
        title: JSON.stringify(title),
        duration_minutes: null,
        notes: null,
      })
      .execute();
  }
  return meeting.id;
}
