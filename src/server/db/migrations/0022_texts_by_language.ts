import type { Kysely } from 'kysely';

/**
 * Texts by language for what had one text only: an office's names, a climate target's and a
 * climate action's titles, an agenda speaker's role. Each is a JSON object by language tag
 * (`{}` when nothing is translated); the existing column keeps the text as it was entered (the
 * original language), which importers go on writing alone.
 */
const COLUMNS = [
  ['offices', 'names'],
  ['climate_targets', 'titles'],
  ['climate_actions', 'titles'],
  ['agenda_speakers', 'roles'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await db.schema
      .alterTable(table)
      .addColumn(column, 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
