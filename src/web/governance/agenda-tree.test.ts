import { describe, expect, it } from 'vitest';
import {
  addItem,
  addSubItem,
  agendaProblems,
  canAddSubItem,
  canIndent,
  canMove,
  canOutdent,
  checkAgenda,
  flattenTree,
  fromAgenda,
  subItemMinutes,
  indentItem,
  itemAt,
  moveItem,
  newItem,
  newSpeaker,
  outdentItem,
  parseDuration,
  pointerForPath,
  removeItem,
  toAgendaInput,
  updateItem,
  type EditorItem,
} from './agenda-tree';
import type { AgendaItem } from './types';

function item(key: string, children: EditorItem[] = []): EditorItem {
  return { ...newItem(key), title: { en: key }, children };
}

/** Keys in depth-first order with their numbers, e.g. "1 a, 1.1 b". */
function outline(tree: EditorItem[]): string {
  return flattenTree(tree)
    .map((f) => `${f.number} ${f.item.key}`)
    .join(', ');
}

// 1 a; 2 b (2.1 c, 2.2 d (2.2.1 e)); 3 f
const sample = (): EditorItem[] => [
  item('a'),
  item('b', [item('c'), item('d', [item('e')])]),
  item('f'),
];

describe('flattenTree', () => {
  it('numbers items depth-first and counts them in that order', () => {
    const flat = flattenTree(sample());
    expect(outline(sample())).toBe('1 a, 2 b, 2.1 c, 2.2 d, 2.2.1 e, 3 f');
    expect(flat.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(flat[4]).toMatchObject({ path: [1, 1, 0], depth: 3 });
  });
});

describe('adding and removing', () => {
  it('adds an item at the end and a sub-item under an item', () => {
    let tree = addItem(sample(), item('g'));
    tree = addSubItem(tree, [0], item('h'));
    expect(outline(tree)).toBe('1 a, 1.1 h, 2 b, 2.1 c, 2.2 d, 2.2.1 e, 3 f, 4 g');
  });

  it('refuses a fourth level', () => {
    expect(canAddSubItem([1, 1, 0])).toBe(false);
    expect(canAddSubItem([1, 1])).toBe(true);
    const tree = sample();
    expect(addSubItem(tree, [1, 1, 0], item('x'))).toBe(tree);
  });

  it('removes an item with its sub-items, leaving the original untouched', () => {
    const tree = sample();
    expect(outline(removeItem(tree, [1, 1]))).toBe('1 a, 2 b, 2.1 c, 3 f');
    expect(outline(tree)).toBe('1 a, 2 b, 2.1 c, 2.2 d, 2.2.1 e, 3 f');
  });

  it('updates one item only', () => {
    const tree = updateItem(sample(), [1, 0], { duration: '15', kind: 'report' });
    expect(itemAt(tree, [1, 0])).toMatchObject({ key: 'c', duration: '15', kind: 'report' });
    expect(itemAt(tree, [1, 1])?.duration).toBe('');
  });
});

describe('moving up and down', () => {
  it('swaps with the sibling and reports the new path', () => {
    const moved = moveItem(sample(), [2], -1);
    expect(outline(moved.tree)).toBe('1 a, 2 f, 3 b, 3.1 c, 3.2 d, 3.2.1 e');
    expect(moved.path).toEqual([1]);
    const down = moveItem(sample(), [1, 0], 1);
    expect(outline(down.tree)).toBe('1 a, 2 b, 2.1 d, 2.1.1 e, 2.2 c, 3 f');
    expect(down.path).toEqual([1, 1]);
  });

  it('stays within its own list', () => {
    const tree = sample();
    expect(canMove(tree, [0], -1)).toBe(false);
    expect(canMove(tree, [2], 1)).toBe(false);
    expect(canMove(tree, [1, 1], 1)).toBe(false);
    expect(moveItem(tree, [1, 1], 1)).toEqual({ tree, path: [1, 1] });
  });
});

describe('indenting and outdenting', () => {
  it('makes an item the last sub-item of the item above', () => {
    const result = indentItem(sample(), [2]);
    expect(outline(result.tree)).toBe('1 a, 2 b, 2.1 c, 2.2 d, 2.2.1 e, 2.3 f');
    expect(result.path).toEqual([1, 2]);
  });

  it('cannot indent the first item of a list or past three levels', () => {
    const tree = sample();
    expect(canIndent(tree, [0])).toBe(false);
    expect(canIndent(tree, [1, 0])).toBe(false);
    // b has two levels below it; under a it would reach four.
    expect(canIndent(tree, [1])).toBe(false);
    expect(canIndent(tree, [2])).toBe(true);
    expect(indentItem(tree, [1]).tree).toBe(tree);
  });

  it('moves an item out to follow its parent, keeping its own sub-items', () => {
    const result = outdentItem(sample(), [1, 1]);
    expect(outline(result.tree)).toBe('1 a, 2 b, 2.1 c, 3 d, 3.1 e, 4 f');
    expect(result.path).toEqual([2]);
    expect(canOutdent(sample(), [0])).toBe(false);
  });
});

describe('toAgendaInput', () => {
  it('sends a chosen person by id and a guest by name, by the source chosen', () => {
    const tree: EditorItem[] = [
      {
        ...item('k1'),
        speakers: [
          {
            ...newSpeaker('s1', 'person'),
            person: { id: 7, fullName: 'Min Kwon' },
            role: ' Chair ',
          },
          // The name typed before switching to the register is not sent.
          { ...newSpeaker('s2', 'person'), person: { id: 8, fullName: 'Ana Lee' }, name: 'Ana' },
          // Switched back to a typed name: the person picked before is not sent.
          { ...newSpeaker('s3'), person: { id: 9, fullName: 'Jo Park' }, name: 'Guest Speaker' },
          newSpeaker('s4', 'person'),
        ],
      },
    ];
    expect(toAgendaInput(tree)[0]?.speakers).toEqual([
      { personId: 7, role: 'Chair' },
      { personId: 8, role: null },
      { name: 'Guest Speaker', role: null },
    ]);
  });

  it('sends minutes as numbers, drops blank titles, speakers and empty children', () => {
    const tree: EditorItem[] = [
      {
        ...newItem('k1', 'opening-remark'),
        title: { en: ' Opening ', ko: '' },
        duration: '10',
        speakers: [
          { ...newSpeaker('s1'), name: 'Min Kwon', role: 'Chair' },
          { ...newSpeaker('s2'), name: ' ' },
        ],
      },
      { ...item('k2', [{ ...item('k3'), duration: '' }]), kind: 'report' },
    ];
    expect(toAgendaInput(tree)).toEqual([
      {
        kind: 'opening-remark',
        title: { en: 'Opening' },
        durationMinutes: 10,
        notes: null,
        speakers: [{ name: 'Min Kwon', role: 'Chair' }],
      },
      {
        kind: 'report',
        title: { en: 'k2' },
        durationMinutes: null,
        notes: null,
        speakers: [],
        children: [
          { kind: 'other', title: { en: 'k3' }, durationMinutes: null, notes: null, speakers: [] },
        ],
      },
    ]);
  });
});

describe('fromAgenda', () => {
  it('reads a speaker from the register as a person and any other as a typed name', () => {
    const agenda: AgendaItem[] = [
      {
        id: 1,
        parentId: null,
        number: '1',
        depth: 1,
        kind: 'report',
        title: { en: 'Reports' },
        durationMinutes: 10,
        notes: null,
        plannedStart: '2025-03-04T01:00:00.000Z',
        plannedEnd: '2025-03-04T01:10:00.000Z',
        speakers: [
          {
            person: { id: 7, fullName: 'Min Kwon', names: {} },
            name: null,
            role: 'Chair',
            roles: {},
          },
          { person: null, name: 'Ana Lee', role: null, roles: {} },
        ],
      },
    ];
    const [first] = fromAgenda(agenda, () => 'k');
    expect(first?.speakers).toEqual([
      {
        key: 'k-speaker-0',
        source: 'person',
        person: { id: 7, fullName: 'Min Kwon' },
        name: '',
        role: 'Chair',
        roles: {},
        savedRole: 'Chair',
      },
      {
        key: 'k-speaker-1',
        source: 'name',
        person: null,
        name: 'Ana Lee',
        role: '',
        roles: {},
        savedRole: '',
      },
    ]);
    // And back again, unchanged: the person by id, the guest by name.
    expect(toAgendaInput(fromAgenda(agenda, () => 'k'))[0]?.speakers).toEqual([
      { personId: 7, role: 'Chair' },
      { name: 'Ana Lee', role: null },
    ]);
  });

  it('keeps a speaker role’s translations when the role is changed', () => {
    const agenda: AgendaItem[] = [
      {
        id: 1,
        parentId: null,
        number: '1',
        depth: 1,
        kind: 'opening-remark',
        title: { en: 'Opening remark' },
        durationMinutes: null,
        notes: null,
        plannedStart: '2025-03-04T01:00:00.000Z',
        plannedEnd: '2025-03-04T01:00:00.000Z',
        speakers: [
          {
            person: null,
            name: 'Gino Van Begin',
            role: 'Secretary General',
            roles: { en: 'Secretary General', ko: '사무총장', ja: '事務総長' },
          },
        ],
      },
    ];
    const tree = fromAgenda(agenda, () => 'k');
    // Unchanged, the translations go back as they came.
    expect(toAgendaInput(tree)[0]?.speakers?.[0]?.roles).toEqual(agenda[0]?.speakers[0]?.roles);
    const speaker = tree[0]?.speakers[0];
    if (!speaker) throw new Error('no speaker');
    speaker.role = 'Secretary General, live';
    expect(toAgendaInput(tree)[0]?.speakers).toEqual([
      {
        name: 'Gino Van Begin',
        role: 'Secretary General, live',
        roles: { en: 'Secretary General, live', ko: '사무총장', ja: '事務総長' },
      },
    ]);
  });

  it('rebuilds the nesting from parent ids', () => {
    const base = {
      kind: 'report' as const,
      durationMinutes: 5,
      notes: null,
      speakers: [],
      plannedStart: '2025-03-04T01:00:00.000Z',
      plannedEnd: '2025-03-04T01:05:00.000Z',
    };
    const agenda: AgendaItem[] = [
      { ...base, id: 10, parentId: null, number: '1', depth: 1, title: { en: 'One' } },
      {
        ...base,
        id: 11,
        parentId: 10,
        number: '1.1',
        depth: 2,
        title: { en: 'One.one' },
        speakers: [
          {
            person: { id: 7, fullName: 'Min Kwon', names: {} },
            name: null,
            role: 'Chair',
            roles: {},
          },
        ],
      },
      { ...base, id: 12, parentId: null, number: '2', depth: 1, title: { en: 'Two' } },
    ];
    let n = 0;
    const tree = fromAgenda(agenda, () => `k${++n}`);
    expect(outline(tree)).toBe('1 k1, 1.1 k2, 2 k3');
    expect(itemAt(tree, [0, 0])).toMatchObject({
      title: { en: 'One.one' },
      duration: '5',
      speakers: [
        {
          key: 'k2-speaker-0',
          source: 'person',
          person: { id: 7, fullName: 'Min Kwon' },
          name: '',
          role: 'Chair',
        },
      ],
    });
  });
});

describe('pointers and problems', () => {
  it('writes the JSON pointer of an item', () => {
    expect(pointerForPath('/agenda', [1, 0])).toBe('/agenda/1/children/0');
    expect(pointerForPath('/items', [2])).toBe('/items/2');
  });

  it('puts API errors on the items they name, by flattened index', () => {
    const problems = agendaProblems(
      [
        { pointer: '/agenda/1/title', detail: 'must have a title' },
        { pointer: '/agenda/1/children/1/children/0/durationMinutes', detail: 'must be <= 1440' },
        { pointer: '/agenda/1/children/0/speakers/0/name', detail: 'is required' },
        { pointer: '/end', detail: 'must be after the start' },
        { pointer: '/agenda/9/title', detail: 'no such item' },
      ],
      '/agenda',
      sample(),
    );
    expect([...problems.entries()]).toEqual([
      [1, [{ field: 'title', detail: 'must have a title' }]],
      [4, [{ field: 'durationMinutes', detail: 'must be <= 1440' }]],
      [2, [{ field: 'speakers/0/name', detail: 'is required' }]],
    ]);
  });

  it('checks titles, minutes and speakers before sending', () => {
    const tree: EditorItem[] = [
      { ...newItem('a'), duration: 'ten' },
      {
        ...item('b'),
        duration: '2000',
        speakers: [
          { ...newSpeaker('s1'), role: 'Rapporteur' },
          newSpeaker('s2'),
          { ...newSpeaker('s3', 'person'), name: 'typed before switching' },
          { ...newSpeaker('s4', 'person'), person: { id: 7, fullName: 'Min Kwon' } },
        ],
      },
    ];
    expect(checkAgenda(tree, '/agenda')).toEqual([
      { pointer: '/agenda/0/title', code: 'titleRequired' },
      { pointer: '/agenda/0/durationMinutes', code: 'badDuration' },
      { pointer: '/agenda/1/durationMinutes', code: 'badDuration' },
      { pointer: '/agenda/1/speakers/0/name', code: 'speakerNameRequired' },
      { pointer: '/agenda/1/speakers/2/personId', code: 'speakerPersonRequired' },
    ]);
  });

  it('reads durations strictly', () => {
    expect(parseDuration(' 15 ')).toBe(15);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('1.5')).toBeNaN();
    expect(parseDuration('-5')).toBeNaN();
  });
});

describe('subItemMinutes', () => {
  const timed = (duration: string, children: EditorItem[] = []): EditorItem => ({
    ...newItem('k' + duration),
    duration,
    children,
  });
  it('is null for an item without sub-items, whose own duration counts', () => {
    expect(subItemMinutes(timed('30'))).toBeNull();
  });
  it("sums the sub-items, their own sub-items counted the same way, ignoring the item's own", () => {
    const tree = timed('90', [
      timed('10'),
      timed('', []),
      timed('x'),
      timed('99', [timed('5'), timed('7')]),
    ]);
    expect(subItemMinutes(tree)).toBe(22);
  });
});
