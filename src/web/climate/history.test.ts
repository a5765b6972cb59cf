import { describe, expect, it } from 'vitest';
import { versionSummaries } from './history';

describe('versionSummaries', () => {
  it('lists what each version changed, newest first, ignoring stamps', () => {
    const summaries = versionSummaries([
      {
        version: 2,
        at: '2026-02-01T00:00:00Z',
        actor: { kind: 'user', label: 'officer@kyoto' },
        change: 'update',
        snapshot: {
          id: 1,
          title: 'B',
          baseYear: 2013,
          coverage: { gases: ['CO2', 'CH4'] },
          version: 2,
          updatedAt: 'y',
        },
      },
      {
        version: 1,
        at: '2026-01-01T00:00:00Z',
        actor: { kind: 'system', label: 'system' },
        change: 'create',
        snapshot: { id: 1, title: 'A', baseYear: 2013, coverage: { gases: ['CO2'] }, version: 1 },
      },
      {
        version: 3,
        at: '2026-03-01T00:00:00Z',
        actor: { kind: 'user', label: 'admin' },
        change: 'delete',
        snapshot: null,
      },
    ]);
    expect(summaries.map((s) => [s.version, s.change, s.fields, s.current])).toEqual([
      [3, 'delete', [], true],
      [2, 'update', ['title', 'coverage'], false],
      [1, 'create', ['title', 'baseYear', 'coverage'], false],
    ]);
  });
});
