import { recordAudit, type AuditActor, type SystemActor } from '../../audit/service';
import { parseJsonColumn } from '../../db/json';
import { invalidField, invalidFields, notFound, problem } from '../../http/problem';
import type { Store } from '../../store';
import type { ImportKind } from '../schemas';
import { FIELDS_OF, LAYOUTS, type Layout } from './layouts';
import { normaliseHeader } from './recognise';
import type { ImportLayoutRecord } from './repository';

/**
 * Layouts a person made in the mapping step: each source column of a file → one of Accord's
 * fields, or nothing ("ignore"), kept under a name. A saved layout is recognised like the
 * built-in ones (all its columns present), and `accord import … --layout NAME` or the upload's
 * `layout` parameter asks for it by name.
 */

export interface SavedColumn {
  header: string;
  /** Accord's field, or null to ignore the column. */
  field: string | null;
}

export interface SavedLayout {
  name: string;
  kind: ImportKind;
  columns: SavedColumn[];
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a mapping must name before rows can become records: every field of `all`, and one of
 * each list in `oneOf` (a government is named by its account or its name; a report needs a
 * figure).
 */
export const MAPPING_NEEDS: Record<ImportKind, { all: string[]; oneOf: string[][] }> = {
  'cdp-emissions': {
    all: ['accountingYear'],
    oneOf: [
      ['account', 'organization', 'city'],
      [
        'scope1Total',
        'scope2Total',
        'scope3Total',
        'basic',
        'basicPlus',
        'citywideTotal',
        'directExcludingGeneration',
        'indirectExcludingGeneration',
      ],
    ],
  },
  'cdp-targets': {
    all: ['targetType', 'targetYear'],
    oneOf: [['account', 'organization', 'city', 'name']],
  },
  nzt: { all: ['name', 'country', 'endTarget', 'endTargetYear'], oneOf: [] },
};

/** Names a person may give a layout: short, printable, usable on a command line. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;

const KINDS: readonly ImportKind[] = ['cdp-targets', 'cdp-emissions', 'nzt'];

function isColumns(value: unknown): value is SavedColumn[] {
  return (
    Array.isArray(value) &&
    value.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as SavedColumn).header === 'string' &&
        ((c as SavedColumn).field === null || typeof (c as SavedColumn).field === 'string'),
    )
  );
}

export function toSavedLayout(record: ImportLayoutRecord): SavedLayout {
  return {
    name: record.name,
    kind: record.kind,
    columns: parseJsonColumn('import_layouts', record.id, record.columns_json, isColumns) ?? [],
    version: record.version,
    createdBy: record.created_by_label,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}

/** A saved layout's id is this before the name it was saved under. */
export const SAVED_LAYOUT_PREFIX = 'saved:';

/**
 * A saved layout as the recogniser reads layouts: its own headers for its fields, every one of
 * its columns required (it fits a file that has all of them), the ignored ones ignored.
 */
export function asLayout(saved: SavedLayout): Layout {
  const columns: Record<string, string[]> = {};
  for (const c of saved.columns) if (c.field !== null) (columns[c.field] ??= []).push(c.header);
  return {
    id: `${SAVED_LAYOUT_PREFIX}${saved.name}`,
    kind: saved.kind,
    label: `${saved.name} (saved layout)`,
    columns,
    required: Object.keys(columns),
    ignored: saved.columns.filter((c) => c.field === null).map((c) => c.header),
    saved: true,
  };
}

/** What a mapping lacks before it can import anything: field names, empty when complete. */
export function mappingGaps(kind: ImportKind, fields: readonly string[]): string[] {
  const given = new Set(fields);
  const needs = MAPPING_NEEDS[kind];
  return [
    ...needs.all.filter((f) => !given.has(f)),
    ...needs.oneOf.filter((set) => !set.some((f) => given.has(f))).map((set) => set.join(' or ')),
  ];
}

/** Every layout a file of the kind may be recognised as: the built-in ones and the saved ones. */
export async function layoutsFor(store: Store, kind: ImportKind): Promise<Layout[]> {
  const saved = await store.imports.listLayouts(kind);
  return [
    ...LAYOUTS.filter((l) => l.kind === kind),
    ...saved.map((r) => asLayout(toSavedLayout(r))),
  ];
}

/** The saved layout a run asked for by name, as the recogniser reads it. */
export async function namedLayout(store: Store, kind: ImportKind, name: string): Promise<Layout> {
  const record = await store.imports.findLayoutByName(name);
  if (!record) {
    throw problem(422, 'unknown-reference', `No layout is saved as "${name}".`, {
      params: { record: 'import-layout' },
      pointer: '/layout',
      fieldDetail: `no layout is saved as "${name}"`,
    });
  }
  if (record.kind !== kind) {
    throw problem(
      422,
      'layout-of-other-kind',
      `The layout "${name}" is for ${record.kind} files, not ${kind}.`,
      {
        pointer: '/layout',
        fieldDetail: `the layout is for ${record.kind} files`,
      },
    );
  }
  return asLayout(toSavedLayout(record));
}

export async function listSavedLayouts(store: Store, kind?: ImportKind): Promise<SavedLayout[]> {
  return (await store.imports.listLayouts(kind)).map(toSavedLayout);
}

export interface SaveLayoutInput {
  name: string;
  kind: ImportKind;
  columns: SavedColumn[];
}

/**
 * Checks and saves a mapping under its name (replacing one of the same name), audited. Each
 * field may hold one column; the mapping must name what MAPPING_NEEDS asks.
 */
export async function saveLayout(
  store: Store,
  actor: AuditActor | SystemActor,
  input: SaveLayoutInput,
): Promise<SavedLayout> {
  const name = input.name.trim();
  if (!NAME.test(name)) {
    throw invalidField(
      '/name',
      'layout-name-invalid',
      'a name of 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit',
    );
  }
  if (!KINDS.includes(input.kind)) throw invalidField('/kind', 'not-one-of', 'an import kind');
  const known = new Set(FIELDS_OF[input.kind]);
  const seenHeaders = new Set<string>();
  const seenFields = new Map<string, number>();
  input.columns.forEach((column, i) => {
    const key = normaliseHeader(column.header);
    if (key === '') throw invalidField(`/columns/${i}/header`, 'required', 'a column header');
    if (seenHeaders.has(key)) {
      throw invalidField(
        `/columns/${i}/header`,
        'column-listed-twice',
        `the column "${column.header}" is listed twice`,
        { column: column.header },
      );
    }
    seenHeaders.add(key);
    if (column.field === null) return;
    if (!known.has(column.field)) {
      throw invalidField(
        `/columns/${i}/field`,
        'not-one-of',
        `no ${input.kind} field "${column.field}"`,
      );
    }
    const other = seenFields.get(column.field);
    if (other !== undefined) {
      throw invalidField(
        `/columns/${i}/field`,
        'field-read-twice',
        `"${column.field}" is already read from column ${other + 1}`,
      );
    }
    seenFields.set(column.field, i);
  });
  const gaps = mappingGaps(input.kind, [...seenFields.keys()]);
  if (gaps.length > 0) {
    throw invalidFields(
      gaps.map((gap) => ({
        pointer: '/columns',
        detail: `no column is mapped to ${gap}`,
        code: 'mapping-gap',
      })),
      `The mapping must name a column for: ${gaps.join('; ')}.`,
    );
  }
  const columns = input.columns.map((c) => ({ header: c.header, field: c.field }));
  return store.transaction(async (tx) => {
    const before = await tx.imports.findLayoutByName(name);
    const record = await tx.imports.saveLayout(actor, {
      name,
      kind: input.kind,
      columnsJson: JSON.stringify(columns),
    });
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'import-layout',
      entityId: record.id,
      summary: `Import layout "${name}" (${input.kind}) ${before ? 'changed' : 'saved'}`,
      before: before ? toSavedLayout(before) : null,
      after: toSavedLayout(record),
    });
    return toSavedLayout(record);
  });
}

export async function deleteSavedLayout(
  store: Store,
  actor: AuditActor | SystemActor,
  name: string,
): Promise<void> {
  await store.transaction(async (tx) => {
    const before = await tx.imports.findLayoutByName(name);
    if (!before) throw notFound('import-layout', `No layout is saved as "${name}".`);
    await tx.imports.deleteLayout(name);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'import-layout',
      entityId: before.id,
      summary: `Import layout "${name}" (${before.kind}) deleted`,
      before: toSavedLayout(before),
      after: null,
    });
  });
}
