import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * An index for finding names by any part of them (issue 13): the directory's search (`?q=`)
 * looks for the folded query inside the search_key of every name and alias, in every script,
 * which a B-tree cannot answer. Each database gets its own kind of index, kept by the database
 * itself, so every writer of government_names (the members repository, the importer, merges and
 * their undo, the demo) stays right without knowing of it:
 *
 * SQLite: `government_names_fts`, an FTS5 table with the trigram tokenizer (byte-exact:
 * case_sensitive 1, the keys are folded already), contentless, filled and emptied by triggers.
 * It indexes search_key followed by two U+FFFF: every occurrence of a one- or two-character
 * query then begins some trigram, so the short queries CJK names need (京都, 서울) are found by
 * the trigrams that start with them, through the fts5vocab tables `government_names_grams`
 * (each trigram and how many names hold it). Longer queries are FTS5 phrases.
 *
 * PostgreSQL: a GIN index of pg_trgm on search_key for queries of three characters and more
 * (LIKE '%…%' uses it; the database rechecks every candidate), and a GIN index on every one- and
 * two-character substring of search_key (`accord_short_grams`) for shorter ones, which trigrams
 * cannot answer. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the
 * database's owner may create it. Where it is not installed the search stays right, only slower.
 * Both GIN indexes take each write at once (fastupdate off): names change seldom, and a pending
 * list, read by every search until vacuum merges it, made a search after an import ten times
 * slower.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    const available = await sql<{ name: string }>`
      SELECT name FROM pg_available_extensions WHERE name = 'pg_trgm'`.execute(db);
    if (available.rows.length > 0) {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX government_names_trigrams ON government_names
        USING gin (search_key gin_trgm_ops) WITH (fastupdate = off)`.execute(db);
    }
    await sql`CREATE FUNCTION accord_short_grams(key text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
        SELECT coalesce(array_agg(DISTINCT gram), '{}') FROM (
          SELECT substr(key, i, 1) AS gram FROM generate_series(1, char_length(key)) AS i
          UNION ALL
          SELECT substr(key, i, 2) FROM generate_series(1, char_length(key) - 1) AS i
        ) AS grams
      $$`.execute(db);
    await sql`CREATE INDEX government_names_short_grams ON government_names
      USING gin (accord_short_grams(search_key)) WITH (fastupdate = off)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE government_names_fts USING fts5(
      search_key, content = '', contentless_delete = 1,
      tokenize = 'trigram case_sensitive 1')`.execute(db);
  await sql`CREATE VIRTUAL TABLE government_names_grams
      USING fts5vocab(government_names_fts, 'row')`.execute(db);
  await sql`INSERT INTO government_names_fts (rowid, search_key)
      SELECT id, search_key || char(65535, 65535) FROM government_names`.execute(db);
  await sql`CREATE TRIGGER government_names_fts_insert AFTER INSERT ON government_names BEGIN
      INSERT INTO government_names_fts (rowid, search_key)
        VALUES (new.id, new.search_key || char(65535, 65535));
    END`.execute(db);
  await sql`CREATE TRIGGER government_names_fts_delete AFTER DELETE ON government_names BEGIN
      DELETE FROM government_names_fts WHERE rowid = old.id;
    END`.execute(db);
  await sql`CREATE TRIGGER government_names_fts_update AFTER UPDATE OF id, search_key
    ON government_names BEGIN
      DELETE FROM government_names_fts WHERE rowid = old.id;
      INSERT INTO government_names_fts (rowid, search_key)
        VALUES (new.id, new.search_key || char(65535, 65535));
    END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`DROP INDEX IF EXISTS government_names_short_grams`.execute(db);
    await sql`DROP FUNCTION IF EXISTS accord_short_grams(text)`.execute(db);
    await sql`DROP INDEX IF EXISTS government_names_trigrams`.execute(db);
    return;
  }
  for (const trigger of ['insert', 'delete', 'update']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`government_names_fts_${trigger}`)}`.execute(db);
  }
  await sql`DROP TABLE IF EXISTS government_names_grams`.execute(db);
  await sql`DROP TABLE IF EXISTS government_names_fts`.execute(db);
}
