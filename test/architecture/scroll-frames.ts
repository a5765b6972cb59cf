/**
 * Finds hand-made scroll frames in the pages: an element with role="region" and a tabIndex,
 * the keyboard-reachable frame around a wide table. The pages use ScrollFrame
 * (src/web/components/ScrollFrame.tsx) for it, so that every frame is named, focusable and
 * styled the same way. A region without a tabIndex (a labelled box such as the one-time
 * secret in CopyButton) is not a scroll frame and is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const COMPONENT_FILE = 'src/web/components/ScrollFrame.tsx';

export interface HandMadeFrame {
  file: string;
  line: number;
}

function attributeNamed(attributes: ts.JsxAttributes, name: string): ts.JsxAttribute | undefined {
  return attributes.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name,
  );
}

/** Whether an attribute's value is the string "region" (role="region" or role={'region'}). */
function isRegion(attribute: ts.JsxAttribute): boolean {
  const value = attribute.initializer;
  if (value === undefined) return false;
  if (ts.isStringLiteral(value)) return value.text === 'region';
  if (ts.isJsxExpression(value) && value.expression !== undefined) {
    const inner = value.expression;
    return (
      (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) &&
      inner.text === 'region'
    );
  }
  return false;
}

/** The hand-made scroll frames in one file's text. */
export function findHandMadeFrames(file: string, source: string): HandMadeFrame[] {
  if (file === COMPONENT_FILE) return [];
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: HandMadeFrame[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const role = attributeNamed(node.attributes, 'role');
      if (role && isRegion(role) && attributeNamed(node.attributes, 'tabIndex')) {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file, line: line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The pages' source files (not tests). */
export function webFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
    }
  };
  walk('src/web');
  return out;
}
