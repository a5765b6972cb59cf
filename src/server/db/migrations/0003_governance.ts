import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Governance: bodies with terms and seats, meetings (agenda, invitations, attendance with
 * proxies, motions and votes, files), elections (candidates, the register of who voted and
 * the ballot box, kept apart), news posts, and the e-mail outbox.
 * Multilingual texts are JSON objects keyed by language tag, read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  const table = (name: string) => withId(db.schema.createTable(name), pg);
  const index = (name: string, on: string, columns: string[]) =>
    db.schema.createIndex(name).on(on).columns(columns).execute();

  await table('bodies')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('{}'))
    // Quorum: a fraction of voting seats, "more than" (strict) or "at least", and whether
    // governments present only through a proxy count.
    .addColumn('quorum_numerator', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('quorum_denominator', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('quorum_strict', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('proxies_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('max_principals_per_proxy', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('majority_rule', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('term_years', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await table('body_terms')
    .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('body_terms_body_start')
    .on('body_terms')
    .columns(['body_id', 'starts_on'])
    .unique()
    .execute();

  await table('seats')
    .addColumn('term_id', 'integer', (c) =>
      c.notNull().references('body_terms.id').onDelete('cascade'),
    )
    .addColumn('government_id', 'integer', (c) => c.notNull().references('governments.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('portfolio', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('seats_term_government')
    .on('seats')
    .columns(['term_id', 'government_id'])
    .unique()
    .execute();
  await index('seats_government', 'seats', ['government_id']);

  // A seat's history within its term: who represented it, its position and portfolio.
  await table('seat_events')
    .addColumn('seat_id', 'integer', (c) => c.notNull().references('seats.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('position', 'text')
    .addColumn('portfolio', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .execute();
  await index('seat_events_seat', 'seat_events', ['seat_id']);

  await table('meetings')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('body_id', 'integer', (c) => c.references('bodies.id'))
    .addColumn('term_id', 'integer', (c) => c.references('body_terms.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('join_url', 'text')
    .addColumn('minutes_html', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index('meetings_body_start', 'meetings', ['body_id', 'starts_at']);
  await index('meetings_start', 'meetings', ['starts_at']);

  await table('agenda_items')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('agenda_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('notes', 'text')
    .execute();
  await index('agenda_items_meeting', 'agenda_items', ['meeting_id']);

  // A speaker is a known person or, for guests, a name.
  await table('agenda_speakers')
    .addColumn('agenda_item_id', 'integer', (c) =>
      c.notNull().references('agenda_items.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('name', 'text')
    .addColumn('role', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await index('agenda_speakers_item', 'agenda_speakers', ['agenda_item_id']);

  await table('invitations')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('seat_id', 'integer', (c) => c.references('seats.id'))
    .addColumn('government_id', 'integer', (c) => c.references('governments.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('proxy_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('proxy_name', 'text')
    .addColumn('proxy_email', 'text')
    .addColumn('comment', 'text')
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('replied_at', 'text')
    .execute();
  await index('invitations_meeting', 'invitations', ['meeting_id']);
  await index('invitations_government', 'invitations', ['government_id']);

  await table('attendance')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('government_id', 'integer', (c) => c.references('governments.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('principal_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('principal_name', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await index('attendance_meeting', 'attendance', ['meeting_id']);

  await table('motions')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('agenda_item_id', 'integer', (c) =>
      c.references('agenda_items.id').onDelete('set null'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('majority_rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('votes_for', 'integer')
    .addColumn('votes_against', 'integer')
    .addColumn('votes_abstain', 'integer')
    .addColumn('votes_absent', 'integer')
    .addColumn('quorum_present', 'integer')
    .addColumn('quorum_required', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index('motions_meeting', 'motions', ['meeting_id']);

  await table('motion_votes')
    .addColumn('motion_id', 'integer', (c) =>
      c.notNull().references('motions.id').onDelete('cascade'),
    )
    .addColumn('seat_id', 'integer', (c) => c.notNull().references('seats.id'))
    .addColumn('government_id', 'integer', (c) => c.notNull().references('governments.id'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('cast_by', 'text')
    .execute();
  await db.schema
    .createIndex('motion_votes_motion_seat')
    .on('motion_votes')
    .columns(['motion_id', 'seat_id'])
    .unique()
    .execute();

  await table('news_posts')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('body_id', 'integer', (c) => c.references('bodies.id').onDelete('set null'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index('news_posts_published', 'news_posts', ['status', 'published_at']);

  await table('news_translations')
    .addColumn('post_id', 'integer', (c) =>
      c.notNull().references('news_posts.id').onDelete('cascade'),
    )
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('news_translations_post_lang')
    .on('news_translations')
    .columns(['post_id', 'lang'])
    .unique()
    .execute();

  await table('news_governments')
    .addColumn('post_id', 'integer', (c) =>
      c.notNull().references('news_posts.id').onDelete('cascade'),
    )
    .addColumn('government_id', 'integer', (c) =>
      c.notNull().references('governments.id').onDelete('cascade'),
    )
    .execute();
  await index('news_governments_post', 'news_governments', ['post_id']);
  await index('news_governments_government', 'news_governments', ['government_id']);

  // Uploaded documents and photos of a meeting or a news post; bytes live under the data
  // directory (content-addressed keys), never in the database.
  await table('files')
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id').onDelete('cascade'))
    .addColumn('news_post_id', 'integer', (c) => c.references('news_posts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('thumb_key', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('credit', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await index('files_meeting', 'files', ['meeting_id']);
  await index('files_news_post', 'files', ['news_post_id']);

  await table('elections')
    .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('term_label', 'text', (c) => c.notNull())
    .addColumn('term_starts_on', 'text', (c) => c.notNull())
    .addColumn('term_ends_on', 'text', (c) => c.notNull())
    .addColumn('nominations_open', 'text', (c) => c.notNull())
    .addColumn('nominations_close', 'text', (c) => c.notNull())
    .addColumn('voting_open', 'text', (c) => c.notNull())
    .addColumn('voting_close', 'text', (c) => c.notNull())
    .addColumn('filled_term_id', 'integer', (c) => c.references('body_terms.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index('elections_body', 'elections', ['body_id']);

  await table('candidates')
    .addColumn('election_id', 'integer', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('government_id', 'integer', (c) => c.notNull().references('governments.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('statement', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('endorsement_key', 'text')
    .addColumn('endorsement_filename', 'text')
    .addColumn('code_of_honour_accepted_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('candidates_election_government')
    .on('candidates')
    .columns(['election_id', 'government_id'])
    .unique()
    .execute();

  // Who has voted: one row per member and election (the unique index stops a second vote).
  // It holds no choice, and the ballot box below holds no voter, so no query can join them.
  await db.schema
    .createTable('election_voters')
    .addColumn('election_id', 'integer', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('government_id', 'integer', (c) => c.notNull().references('governments.id'))
    .addColumn('voted_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_voters_pk', ['election_id', 'government_id'])
    .execute();

  // The ballot box: random ids, no time, no voter. The service rewrites the box in random
  // order on every cast so that storage order cannot be matched to the register's order.
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('choices', 'text', (c) => c.notNull())
    .execute();
  await index('ballots_election', 'ballots', ['election_id']);

  // Mail waits here until a sender delivers it (SMTP arrives with the membership issue).
  await table('outbox')
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('related_type', 'text')
    .addColumn('related_id', 'text')
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await index('outbox_unsent', 'outbox', ['sent_at']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'outbox',
    'ballots',
    'election_voters',
    'candidates',
    'elections',
    'files',
    'news_governments',
    'news_translations',
    'news_posts',
    'motion_votes',
    'motions',
    'attendance',
    'invitations',
    'agenda_speakers',
    'agenda_items',
    'meetings',
    'seat_events',
    'seats',
    'body_terms',
    'bodies',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
