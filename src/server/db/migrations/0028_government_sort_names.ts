import { sql, type Kysely } from 'kysely';

/**
 * The directory's order by name, kept per government and language (issue 13): the name in that
 * language, else the English one, else the web address, folded as search folds it. Before,
 * each listing worked that out for every government with two subqueries, so the first page of
 * 10,000 governments cost 20,000 lookups and a sort; with the key stored and indexed by
 * (lang, sort_key) the page reads in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('government_sort_names')
    // No foreign key: the rows are derived from the names, not facts a merge would move; the
    // members repository removes them with their government.
    .addColumn('government_id', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('government_sort_names_pk', ['government_id', 'lang'])
    .execute();
  await db.schema
    .createIndex('government_sort_names_order')
    .on('government_sort_names')
    .columns(['lang', 'sort_key', 'government_id'])
    .execute();
  // The languages of the interface at the time of writing (src/core/locales.ts).
  const languages = sql.join(
    ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant'].map((lang) => sql`SELECT ${lang} AS lang`),
    sql` UNION ALL `,
  );
  await sql`
    INSERT INTO government_sort_names (government_id, lang, sort_key)
    SELECT g.id, l.lang, COALESCE(
      (SELECT MIN(n.search_key) FROM government_names n
        WHERE n.government_id = g.id AND n.kind = 'name' AND n.lang = l.lang),
      (SELECT MIN(n.search_key) FROM government_names n
        WHERE n.government_id = g.id AND n.kind = 'name' AND n.lang = 'en'),
      g.slug)
    FROM governments g CROSS JOIN (${languages}) l
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('government_sort_names').execute();
}
