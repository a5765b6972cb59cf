/**
 * The agenda editor's model: a nested array of items, changed only through these pure
 * operations so that every move (up, down, in, out) can be tested without a browser.
 * A path is the list of indexes from the top ([1, 0] is the first sub-item of item 2).
 */
import { MAX_AGENDA_DEPTH, type AgendaKind } from '../../core/governance/agenda';
import type { AgendaItemInputType } from '../../server/governance/schemas';
import type { FieldError } from '../api';
import { retitled } from '../../core/translations';
import { cleanTexts } from './text';
import type { AgendaItem } from './types';

/** A speaker is someone in the register of people, or a guest named as typed. */
export type SpeakerSource = 'person' | 'name';
export const SPEAKER_SOURCES = ['name', 'person'] as const satisfies readonly SpeakerSource[];

export interface SpeakerPerson {
  id: number;
  fullName: string;
}

export interface EditorSpeaker {
  /** Stable while speakers are added and removed, for React keys. */
  key: string;
  source: SpeakerSource;
  /** The person chosen when the source is 'person'. */
  person: SpeakerPerson | null;
  /** The name typed when the source is 'name'; kept while the other source is tried. */
  name: string;
  role: string;
  /** The role's translations as saved, and the role they were saved beside (kept on a change). */
  roles?: Record<string, string>;
  savedRole?: string;
}

/** A new speaker starts as a typed name, the way most agendas list their speakers. */
export function newSpeaker(key: string, source: SpeakerSource = 'name'): EditorSpeaker {
  return { key, source, person: null, name: '', role: '' };
}

export interface EditorItem {
  /** Stable across moves, for React keys and focus. */
  key: string;
  kind: AgendaKind;
  title: Partial<Record<string, string>>;
  /** As typed; a whole number of minutes, or blank. */
  duration: string;
  notes: string;
  speakers: EditorSpeaker[];
  children: EditorItem[];
}

type SpeakerInputType = NonNullable<AgendaItemInputType['speakers']>[number];

export type Path = readonly number[];

export function newItem(key: string, kind: AgendaKind = 'other'): EditorItem {
  return { key, kind, title: {}, duration: '', notes: '', speakers: [], children: [] };
}

export function itemAt(tree: readonly EditorItem[], path: Path): EditorItem | undefined {
  let list: readonly EditorItem[] = tree;
  let item: EditorItem | undefined;
  for (const index of path) {
    item = list[index];
    if (!item) return undefined;
    list = item.children;
  }
  return item;
}

/** Levels below and including the item (1 for an item without children). */
export function subtreeDepth(item: EditorItem): number {
  return 1 + Math.max(0, ...item.children.map(subtreeDepth));
}

/** A copy of the tree with the list of children at `parent` ([] for the top) replaced. */
function withList(
  tree: EditorItem[],
  parent: Path,
  change: (list: EditorItem[]) => EditorItem[],
): EditorItem[] {
  if (parent.length === 0) return change(tree);
  const [head, ...rest] = parent as [number, ...number[]];
  const item = tree[head];
  if (!item) return tree;
  const copy = tree.slice();
  copy[head] = { ...item, children: withList(item.children, rest, change) };
  return copy;
}

export function addItem(tree: EditorItem[], item: EditorItem): EditorItem[] {
  return [...tree, item];
}

export function canAddSubItem(path: Path): boolean {
  return path.length < MAX_AGENDA_DEPTH;
}

export function addSubItem(tree: EditorItem[], path: Path, item: EditorItem): EditorItem[] {
  if (!canAddSubItem(path) || !itemAt(tree, path)) return tree;
  return withList(tree, path, (children) => [...children, item]);
}

export function updateItem(
  tree: EditorItem[],
  path: Path,
  patch: Partial<Omit<EditorItem, 'key' | 'children'>>,
): EditorItem[] {
  if (path.length === 0 || !itemAt(tree, path)) return tree;
  const index = path[path.length - 1] as number;
  return withList(tree, path.slice(0, -1), (list) => {
    const copy = list.slice();
    copy[index] = { ...(list[index] as EditorItem), ...patch };
    return copy;
  });
}

export function removeItem(tree: EditorItem[], path: Path): EditorItem[] {
  if (path.length === 0 || !itemAt(tree, path)) return tree;
  const index = path[path.length - 1] as number;
  return withList(tree, path.slice(0, -1), (list) => list.filter((_, i) => i !== index));
}

function siblingCount(tree: EditorItem[], path: Path): number {
  const parent = path.slice(0, -1);
  return parent.length === 0 ? tree.length : (itemAt(tree, parent)?.children.length ?? 0);
}

export function canMove(tree: EditorItem[], path: Path, delta: -1 | 1): boolean {
  if (path.length === 0 || !itemAt(tree, path)) return false;
  const target = (path[path.length - 1] as number) + delta;
  return target >= 0 && target < siblingCount(tree, path);
}

/** Swaps the item with its previous (-1) or next (+1) sibling. Returns the item's new path. */
export function moveItem(
  tree: EditorItem[],
  path: Path,
  delta: -1 | 1,
): { tree: EditorItem[]; path: number[] } {
  if (!canMove(tree, path, delta)) return { tree, path: [...path] };
  const index = path[path.length - 1] as number;
  const target = index + delta;
  const parent = path.slice(0, -1);
  const next = withList(tree, parent, (list) => {
    const copy = list.slice();
    copy[index] = list[target] as EditorItem;
    copy[target] = list[index] as EditorItem;
    return copy;
  });
  return { tree: next, path: [...parent, target] };
}

/** An item can become the last sub-item of the item above it when the nesting allows. */
export function canIndent(tree: EditorItem[], path: Path): boolean {
  const item = itemAt(tree, path);
  if (!item || path.length === 0 || path[path.length - 1] === 0) return false;
  return path.length + subtreeDepth(item) <= MAX_AGENDA_DEPTH;
}

export function indentItem(tree: EditorItem[], path: Path): { tree: EditorItem[]; path: number[] } {
  if (!canIndent(tree, path)) return { tree, path: [...path] };
  const item = itemAt(tree, path) as EditorItem;
  const index = path[path.length - 1] as number;
  const parent = path.slice(0, -1);
  const newParentPath = [...parent, index - 1];
  const newIndex = (itemAt(tree, newParentPath) as EditorItem).children.length;
  const without = removeItem(tree, path);
  const next = withList(without, newParentPath, (children) => [...children, item]);
  return { tree: next, path: [...newParentPath, newIndex] };
}

export function canOutdent(tree: EditorItem[], path: Path): boolean {
  return path.length > 1 && itemAt(tree, path) !== undefined;
}

/** The item leaves its parent and follows it; the items after it stay where they are. */
export function outdentItem(
  tree: EditorItem[],
  path: Path,
): { tree: EditorItem[]; path: number[] } {
  if (!canOutdent(tree, path)) return { tree, path: [...path] };
  const item = itemAt(tree, path) as EditorItem;
  const parentPath = path.slice(0, -1);
  const grandParent = parentPath.slice(0, -1);
  const parentIndex = parentPath[parentPath.length - 1] as number;
  const without = removeItem(tree, path);
  const next = withList(without, grandParent, (list) => [
    ...list.slice(0, parentIndex + 1),
    item,
    ...list.slice(parentIndex + 1),
  ]);
  return { tree: next, path: [...grandParent, parentIndex + 1] };
}

export interface FlatItem {
  item: EditorItem;
  path: number[];
  /** "1", "2.1", "2.1.3" */
  number: string;
  /** 1 for a top-level item */
  depth: number;
  /** Position in depth-first order, as data-testids and error lists count. */
  index: number;
}

export function flattenTree(tree: readonly EditorItem[]): FlatItem[] {
  const out: FlatItem[] = [];
  const visit = (list: readonly EditorItem[], prefix: number[]) => {
    list.forEach((item, i) => {
      const path = [...prefix, i];
      out.push({
        item,
        path,
        number: path.map((n) => n + 1).join('.'),
        depth: path.length,
        index: out.length,
      });
      visit(item.children, path);
    });
  };
  visit(tree, []);
  return out;
}

/** Whole minutes from what was typed; null for blank; NaN for anything else. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : NaN;
}

/**
 * How long an item with sub-items lasts: the sum of its sub-items (their own sub-items counted
 * the same way; a duration left blank or mistyped counts as no time), as scheduleAgenda counts
 * it. Null for an item without sub-items, whose own duration counts.
 */
export function subItemMinutes(item: EditorItem): number | null {
  if (item.children.length === 0) return null;
  return item.children.reduce((sum, child) => {
    const own = parseDuration(child.duration);
    return sum + (subItemMinutes(child) ?? (own === null || Number.isNaN(own) ? 0 : own));
  }, 0);
}

/** The tree as the API takes it (MeetingCreate.agenda, PUT /meetings/:id/agenda). */
export function toAgendaInput(tree: readonly EditorItem[]): AgendaItemInputType[] {
  return tree.map((item) => {
    const duration = parseDuration(item.duration);
    // A speaker is sent by the source chosen; a row left blank is no speaker.
    const speakers = item.speakers.flatMap((s): SpeakerInputType[] => {
      const role = s.role.trim() || null;
      // A changed role keeps its translations; the saved role's own language follows the change.
      const roles = s.roles ? retitled(s.roles, s.savedRole ?? null, role) : {};
      const translations = Object.keys(roles).length > 0 ? { roles } : {};
      if (s.source === 'person') {
        return s.person ? [{ personId: s.person.id, role, ...translations }] : [];
      }
      const name = s.name.trim();
      return name ? [{ name, role, ...translations }] : [];
    });
    const input: AgendaItemInputType = {
      kind: item.kind,
      title: cleanTexts(item.title),
      durationMinutes: duration === null || Number.isNaN(duration) ? null : duration,
      notes: item.notes.trim() || null,
      speakers,
    };
    if (item.children.length > 0) input.children = toAgendaInput(item.children);
    return input;
  });
}

/** The editor's tree from a meeting's agenda (flat, depth-first, with parent ids). */
export function fromAgenda(items: readonly AgendaItem[], makeKey: () => string): EditorItem[] {
  const byParent = new Map<number | null, AgendaItem[]>();
  for (const item of items) {
    const list = byParent.get(item.parentId) ?? [];
    list.push(item);
    byParent.set(item.parentId, list);
  }
  const build = (parentId: number | null): EditorItem[] =>
    (byParent.get(parentId) ?? []).map((item) => {
      const key = makeKey();
      return {
        key,
        kind: item.kind,
        title: { ...item.title },
        duration: item.durationMinutes === null ? '' : String(item.durationMinutes),
        notes: item.notes ?? '',
        speakers: item.speakers.map((s, j) => ({
          key: `${key}-speaker-${j}`,
          source: s.person ? ('person' as const) : ('name' as const),
          person: s.person ? { id: s.person.id, fullName: s.person.fullName } : null,
          name: s.person ? '' : (s.name ?? ''),
          role: s.role ?? '',
          roles: { ...s.roles },
          savedRole: s.role ?? '',
        })),
        children: build(item.id),
      };
    });
  return build(null);
}

/** "/agenda/1/children/0" for the path [1, 0] under the prefix "/agenda". */
export function pointerForPath(prefix: string, path: Path): string {
  return `${prefix}/${path.join('/children/')}`;
}

export interface ItemProblem {
  /** The field inside the item ("title", "durationMinutes", "speakers/0/name"), or "" for the item. */
  field: string;
  detail: string;
}

/**
 * Spreads field errors from the API over the flattened items: "/agenda/1/children/0/title"
 * belongs to the first sub-item of item 2. Errors that name no item are left out.
 */
export function agendaProblems(
  errors: readonly FieldError[],
  prefix: string,
  tree: readonly EditorItem[],
): Map<number, ItemProblem[]> {
  const byPointer = new Map(
    flattenTree(tree).map((flat) => [pointerForPath(prefix, flat.path), flat.index]),
  );
  const out = new Map<number, ItemProblem[]>();
  for (const error of errors) {
    if (!error.pointer.startsWith(`${prefix}/`)) continue;
    const parts = error.pointer.slice(prefix.length + 1).split('/');
    // Walk "i/children/j/children/k/…" as far as it names items; the rest is the field.
    let taken = 1;
    while (parts[taken] === 'children' && /^\d+$/.test(parts[taken + 1] ?? '')) taken += 2;
    const itemPointer = `${prefix}/${parts.slice(0, taken).join('/')}`;
    const index = byPointer.get(itemPointer);
    if (index === undefined) continue;
    const list = out.get(index) ?? [];
    list.push({ field: parts.slice(taken).join('/'), detail: error.detail });
    out.set(index, list);
  }
  return out;
}

export type AgendaProblemCode =
  'titleRequired' | 'badDuration' | 'speakerNameRequired' | 'speakerPersonRequired';

/**
 * The checks the browser makes before sending: a title, a whole number of minutes, and a
 * speaker who is named or chosen.
 */
export function checkAgenda(
  tree: readonly EditorItem[],
  prefix: string,
): { pointer: string; code: AgendaProblemCode }[] {
  const problems: { pointer: string; code: AgendaProblemCode }[] = [];
  for (const flat of flattenTree(tree)) {
    const at = pointerForPath(prefix, flat.path);
    if (Object.keys(cleanTexts(flat.item.title)).length === 0) {
      problems.push({ pointer: `${at}/title`, code: 'titleRequired' });
    }
    const duration = parseDuration(flat.item.duration);
    if (duration !== null && (Number.isNaN(duration) || duration > 1440)) {
      problems.push({ pointer: `${at}/durationMinutes`, code: 'badDuration' });
    }
    flat.item.speakers.forEach((speaker, i) => {
      if (speaker.source === 'person') {
        // Choosing "a person in the register" and then nobody is a slip, not a blank row.
        if (!speaker.person) {
          problems.push({ pointer: `${at}/speakers/${i}/personId`, code: 'speakerPersonRequired' });
        }
      } else if (speaker.name.trim() === '' && speaker.role.trim() !== '') {
        problems.push({ pointer: `${at}/speakers/${i}/name`, code: 'speakerNameRequired' });
      }
    });
  }
  return problems;
}
