import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../../test/setup/databases';
import { demoDatabase, TEST_SECRETARIAT } from '../../../../test/setup/demo-store';
import * as governance from '../../governance/service';
import type { StoreDb } from '../../store';
import { demoMeetingTimeline } from './governance';

describe('demoMeetingTimeline', () => {
  it('puts every reply after the invitation and before the meeting, in order', () => {
    const when = demoMeetingTimeline('2020-11-26T05:00:00.000Z', '2020-11-26T07:00:00.000Z', 3);
    expect(when.invited).toBe('2020-10-29T05:00:00.000Z');
    expect(when.replied).toEqual([
      '2020-11-15T05:00:00.000Z',
      '2020-11-17T05:00:00.000Z',
      '2020-11-19T05:00:00.000Z',
    ]);
    expect(when.recorded(2)).toBe('2020-11-26T05:02:00.000Z');
    expect(when.closed).toBe('2020-11-26T07:00:00.000Z');
  });
});

/** The demo's 2020 meeting reads as it happened in 2020, not as the day the demo was loaded. */
describe.each(dialectCases())('the demo meeting on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await demoDatabase(dialect));
  });
  afterAll(async () => {
    await drop?.();
  });

  it_('dates its invitations and replies before it and its register during it', async () => {
    const [summary] = (await governance.listMeetings(db, {}, TEST_SECRETARIAT)).items;
    const m = await governance.getMeeting(db, summary!.id, TEST_SECRETARIAT);
    expect(m.startsAt).toBe('2020-11-26T05:00:00.000Z');
    expect(m.invitations).toHaveLength(5);
    for (const inv of m.invitations) {
      expect(inv.invitedAt < m.startsAt).toBe(true);
      expect(inv.repliedAt).not.toBeNull();
      expect(inv.invitedAt < inv.repliedAt!).toBe(true);
      expect(inv.repliedAt! < m.startsAt).toBe(true);
    }
    expect(m.attendance.length).toBeGreaterThan(0);
    for (const entry of m.attendance) {
      expect(entry.recordedAt >= m.startsAt && entry.recordedAt <= m.endsAt).toBe(true);
    }
    const events = await db.kysely.selectFrom('seat_events').select('at').execute();
    expect(events.every((e) => e.at < m.startsAt)).toBe(true);
  });

  it_('gives the offices their cities’ zones and the RexCom its secretariat’s', async () => {
    const bodies = await governance.listBodies(db);
    const zone = (slug: string) => bodies.find((b) => b.slug === slug)?.timeZone;
    expect(zone('east-asia-rexcom')).toBe('Asia/Seoul');
    expect(zone('north-america-rexcom')).toBe('America/Toronto');
    expect(zone('council')).toBe('Europe/Berlin');
  });
});
