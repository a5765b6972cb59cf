/**
 * Test helper (node only): which catalog namespaces each part of the web app speaks from, read
 * from the code's syntax, so that a page is never shown before its words have come.
 *
 * A module uses a namespace when it calls `useTranslation` with it, looks a key up as
 * `ns:key` (a string or template starting with `ns:`, such as `const NS = 'importReasons:'`),
 * or passes `{ ns: … }`. A lazily loaded module (`lazyPage` / `lazyWithNamespaces` around an
 * `import()`) is given a list of namespaces, loaded beside its code: the list must be what the
 * module and everything it imports use. The code loaded before the first render (from
 * main.tsx) may look up by `ns:key` only `common` and the namespaces of its own
 * `useTranslation` calls, which wait for theirs.
 */
import path from 'node:path';
import ts from 'typescript';

/** Always there: `common` is loaded before the first render; `problems` right after it. */
export const ALWAYS_LOADED = ['common', 'problems'];
const LOADERS = new Set(['lazyPage', 'lazyWithNamespaces']);

interface LazyEntry {
  /** The module that is loaded lazily, as a path in the file set. */
  target: string;
  /** The namespaces its loader gives it; null when the import() is not inside one. */
  given: string[] | null;
  /** Where the import() is. */
  at: string;
}

interface ModuleFacts {
  imports: string[];
  lazy: LazyEntry[];
  /** Namespaces of its own useTranslation calls. */
  waitsFor: Set<string>;
  /** Every namespace it uses. */
  uses: Set<string>;
}

function resolve(files: ReadonlyMap<string, string>, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.join(path.posix.dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

function stringsOf(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => stringsOf(e));
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return stringsOf(node.expression);
  return [];
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function factsOf(
  files: ReadonlyMap<string, string>,
  file: string,
  namespaces: ReadonlySet<string>,
): ModuleFacts {
  const source = ts.createSourceFile(
    file,
    files.get(file) ?? '',
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const facts: ModuleFacts = { imports: [], lazy: [], waitsFor: new Set(), uses: new Set() };
  const prefixed = (text: string) => {
    const ns = /^([A-Za-z-]+):/.exec(text)?.[1];
    if (ns && namespaces.has(ns)) facts.uses.add(ns);
  };
  const lazyImports = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const typeOnly = ts.isImportDeclaration(node) ? isTypeOnlyImport(node) : node.isTypeOnly;
      const spec = node.moduleSpecifier;
      if (!typeOnly && spec && ts.isStringLiteral(spec)) {
        const target = resolve(files, file, spec.text);
        if (target) facts.imports.push(target);
      }
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === 'useTranslation') {
        const named = node.arguments.length === 0 ? ['common'] : stringsOf(node.arguments[0]);
        for (const ns of named) {
          facts.waitsFor.add(ns);
          facts.uses.add(ns);
        }
      }
      if (ts.isIdentifier(callee) && LOADERS.has(callee.text)) {
        const given = stringsOf(node.arguments[node.arguments.length - 1]);
        const findImport = (n: ts.Node): void => {
          if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
            lazyImports.add(n);
            const target = resolve(files, file, stringsOf(n.arguments[0])[0] ?? '');
            const { line } = source.getLineAndCharacterOfPosition(n.getStart());
            if (target) facts.lazy.push({ target, given, at: `${file}:${line + 1}` });
          }
          ts.forEachChild(n, findImport);
        };
        if (node.arguments[0]) findImport(node.arguments[0]);
      }
      if (callee.kind === ts.SyntaxKind.ImportKeyword && !lazyImports.has(node)) {
        const target = resolve(files, file, stringsOf(node.arguments[0])[0] ?? '');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        if (target) facts.lazy.push({ target, given: null, at: `${file}:${line + 1}` });
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) prefixed(node.text);
    if (ts.isTemplateExpression(node)) prefixed(node.head.text);
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      node.name.text === 'ns'
    ) {
      for (const ns of stringsOf(node.initializer)) if (namespaces.has(ns)) facts.uses.add(ns);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return facts;
}

export interface NamespaceReport {
  /** Each lazily loaded module: what its loader gives it and what it and its imports use. */
  lazy: { target: string; at: string; given: string[] | null; uses: string[] }[];
  /** Namespaces the first render's code looks up by `ns:key` without waiting for them. */
  eagerUnwaited: { file: string; namespace: string }[];
}

/**
 * Reads the modules (paths relative to the repository, as posix, with their text) from the
 * entry, following static imports and, as lazily loaded entries of their own, `import()`s.
 */
export function namespaceReport(
  files: ReadonlyMap<string, string>,
  entry: string,
  namespaces: readonly string[],
): NamespaceReport {
  const known = new Set(namespaces);
  const facts = new Map<string, ModuleFacts>();
  const factsFor = (file: string) => {
    let f = facts.get(file);
    if (!f) {
      f = factsOf(files, file, known);
      facts.set(file, f);
    }
    return f;
  };
  /** The modules a module brings with it (static imports, itself included). */
  const closure = (start: string): string[] => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const next = queue.shift()!;
      for (const imported of factsFor(next).imports) {
        if (!seen.has(imported)) {
          seen.add(imported);
          queue.push(imported);
        }
      }
    }
    return [...seen];
  };

  const report: NamespaceReport = { lazy: [], eagerUnwaited: [] };
  for (const file of closure(entry)) {
    const f = factsFor(file);
    for (const ns of f.uses) {
      if (!ALWAYS_LOADED.includes(ns) && !f.waitsFor.has(ns)) {
        report.eagerUnwaited.push({ file, namespace: ns });
      }
    }
  }
  const visited = new Set<string>();
  const pending = closure(entry);
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (visited.has(file)) continue;
    visited.add(file);
    for (const lazyEntry of factsFor(file).lazy) {
      const modules = closure(lazyEntry.target);
      const uses = new Set(modules.flatMap((m) => [...factsFor(m).uses]));
      report.lazy.push({
        target: lazyEntry.target,
        at: lazyEntry.at,
        given: lazyEntry.given && [...lazyEntry.given].sort(),
        uses: [...uses].filter((ns) => !ALWAYS_LOADED.includes(ns)).sort(),
      });
      pending.push(...modules);
    }
  }
  return report;
}
