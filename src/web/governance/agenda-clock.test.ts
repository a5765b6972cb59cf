import { describe, expect, it } from 'vitest';
import { agendaClock, agendaClockLocal } from './agenda-clock';
import { newItem, type EditorItem } from './agenda-tree';

function item(key: string, duration: string, children: EditorItem[] = []): EditorItem {
  return { ...newItem(key), title: { en: key }, duration, children };
}

// 1 opening 10'; 2 reports (2.1 15', 2.2 20', own 99' ignored); 3 other ''; 4 closing 5'
const tree: EditorItem[] = [
  item('opening', '10'),
  item('reports', '99', [item('seoul', '15'), item('kyoto', '20')]),
  item('break', ''),
  item('closing', '5'),
];

describe('agendaClock', () => {
  it('runs the items one after another from the start', () => {
    const clock = agendaClock(tree, '2025-03-04T01:00:00.000Z', '2025-03-04T02:00:00.000Z');
    expect(
      clock.rows.map((r) => [r.number, r.key, r.start.slice(11, 16), r.end.slice(11, 16)]),
    ).toEqual([
      ['1', 'opening', '01:00', '01:10'],
      ['2', 'reports', '01:10', '01:45'],
      ['2.1', 'seoul', '01:10', '01:25'],
      ['2.2', 'kyoto', '01:25', '01:45'],
      ['3', 'break', '01:45', '01:45'],
      ['4', 'closing', '01:45', '01:50'],
    ]);
    expect(clock.rows[1]?.minutes).toBe(35);
    expect(clock.overrunMinutes).toBe(0);
  });

  it('reports how far the plan runs past the end', () => {
    const clock = agendaClock(tree, '2025-03-04T01:00:00.000Z', '2025-03-04T01:30:00.000Z');
    expect(clock.overrunMinutes).toBe(20);
  });

  it('counts a duration it cannot read as no time', () => {
    const clock = agendaClock(
      [item('a', 'soon'), item('b', '5')],
      '2025-03-04T01:00:00.000Z',
      null,
    );
    expect(clock.rows.map((r) => r.minutes)).toEqual([0, 5]);
    expect(clock.overrunMinutes).toBe(0);
  });
});

describe('agendaClockLocal', () => {
  it('reads the start as a wall-clock time in the meeting zone', () => {
    const clock = agendaClockLocal(tree, '2025-03-04T10:00', '2025-03-04T11:00', 'Asia/Seoul');
    expect(clock?.rows[0]?.start).toBe('2025-03-04T01:00:00.000Z');
    expect(clock?.overrunMinutes).toBe(0);
  });

  it('needs a start and a zone it can read', () => {
    expect(agendaClockLocal(tree, '', '', 'Asia/Seoul')).toBeNull();
    expect(agendaClockLocal(tree, '2025-03-04T10:00', '', 'Mars/Olympus')).toBeNull();
  });
});
