/**
 * Finds every place that writes a table (Kysely's insertInto, updateTable, deleteFrom,
 * replaceInto, mergeInto, and raw `sql` INSERT/UPDATE/DELETE) by reading the TypeScript syntax
 * tree, and checks each against the table's one owner (src/server/db/table-owners.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const WRITE_METHODS = new Set([
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
/** Accord's own generic writers, by the position of their table argument. */
const WRITE_FUNCTIONS = new Map([
  ['bulkUpdateById', 1],
  ['claimVersionById', 1],
  ['claimVersionsById', 1],
  ['moveRowsToGovernment', 1],
]);
const RAW_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/gi;

export interface TableWrite {
  file: string;
  line: number;
  /** The table written, or null when the name is computed (a dynamic write). */
  table: string | null;
}

export function tableWritesIn(file: string, source: string): TableWrite[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const writes: TableWrite[] = [];
  const lineOf = (node: ts.Node) => tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      WRITE_METHODS.has(node.expression.name.text)
    ) {
      const arg = node.arguments[0];
      const table =
        arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
          ? (arg.text.split(/\s+as\s+/i)[0] ?? '').trim()
          : null;
      writes.push({ file, line: lineOf(node), table });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const at = WRITE_FUNCTIONS.get(node.expression.text);
      const arg = at === undefined ? undefined : node.arguments[at];
      if (at !== undefined) {
        writes.push({
          file,
          line: lineOf(node),
          table: arg && ts.isStringLiteral(arg) ? arg.text : null,
        });
      }
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(tree) === 'sql') {
      const text = node.template.getText(tree);
      for (const match of text.matchAll(RAW_WRITE)) {
        writes.push({ file, line: lineOf(node), table: match[1] ?? null });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return writes;
}

/** Source files whose writes must go through owners: all of src but tests and migrations. */
export function checkedFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (rel !== 'src/server/db/migrations') walk(rel);
      } else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.test\.tsx?$|test-support\.ts$/.test(entry.name)
      ) {
        out.push(rel);
      }
    }
  };
  walk('src');
  return out;
}

export interface OwnerViolation extends TableWrite {
  owner: string | null;
}

/** Writes that are not made by the table's owner (or whose table cannot be named). */
/** Generic writers that take the table from the owning repository that calls them. */
const GENERIC_WRITERS = new Set([
  'src/server/db/bulk-update.ts',
  'src/server/db/version-claim.ts',
  'src/server/db/government-move.ts',
]);

export function ownerViolations(
  writes: TableWrite[],
  owners: Record<string, string>,
): OwnerViolation[] {
  return writes
    .map((w) => ({ ...w, owner: w.table === null ? null : (owners[w.table] ?? null) }))
    .filter((w) => w.owner !== w.file && !(w.table === null && GENERIC_WRITERS.has(w.file)));
}
