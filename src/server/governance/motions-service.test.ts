import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  auditOf,
  countRows,
  draftMeeting,
  openFixture,
  seatOf,
  sittingMeeting,
  type Fixture,
} from './test-support';
import type { Meeting } from './schemas';

/** Motions and decisions without HTTP, on both databases: quorum, majorities, the record. */

describe.each(dialectCases())('motions service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  /** Records the listed governments present: seat holders in their own right, or a proxy. */
  async function present(m: Meeting, who: [string, string, 'own-right' | 'proxy'][]) {
    for (const [slug, name, capacity] of who) {
      await governance.addAttendance(f.db, admin, m.id, {
        governmentId: f.gov[slug]!,
        personId: f.person[name]!,
        capacity,
        mode: 'online',
      });
    }
  }

  const motion = async (m: Meeting, text: string, extra: { majorityRule?: 'absolute' } = {}) => {
    const after = await governance.addMotion(f.db, admin, m.id, {
      kind: 'substantive',
      text: { en: text },
      ...extra,
    });
    return after.motions.at(-1)!;
  };

  it_('puts motions only to a body’s meeting, on its own agenda, by the secretariat', async () => {
    const m = await sittingMeeting(f.db);
    await expect(
      governance.addMotion(f.db, f.officer('kyoto'), m.id, {
        kind: 'substantive',
        text: { en: 'x' },
      }),
    ).rejects.toMatchObject({ status: 403 });
    const other = await draftMeeting(f.db);
    await expect(
      governance.addMotion(f.db, admin, m.id, {
        kind: 'substantive',
        text: { en: 'x' },
        agendaItemId: other.agenda[0]!.id,
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/agendaItemId' }] });
    const bodiless = await draftMeeting(f.db, { body: null });
    await expect(
      governance.addMotion(f.db, admin, bodiless.id, { kind: 'substantive', text: { en: 'x' } }),
    ).rejects.toMatchObject({ status: 409 });

    const put = await motion(m, 'Adopt the work plan');
    expect(put).toMatchObject({ status: 'open', majorityRule: 'simple', tally: null, votes: [] });
    expect(await auditOf(f.db, 'motion', put.id)).toMatchObject([
      { action: 'create', summary: 'Motion: Adopt the work plan' },
    ]);
  });

  it_('decides nothing but adjournment without quorum', async () => {
    const m = await sittingMeeting(f.db);
    await present(m, [['kyoto', 'Daisaku Kadokawa', 'own-right']]);
    const plan = await motion(m, 'Adopt the work plan');
    await expect(governance.decide(f.db, admin, plan.id, { votes: [] })).rejects.toMatchObject({
      status: 409,
      detail: expect.stringMatching(/^No quorum: 1 of the 3 voting seats/),
    });
    const adjourn = await governance.addMotion(f.db, admin, m.id, {
      kind: 'adjournment',
      text: { en: 'Adjourn' },
    });
    const adjournId = adjourn.motions.at(-1)!.id;
    const decided = await governance.decide(f.db, admin, adjournId, {
      votes: [{ seatId: seatOf(m, 'kyoto'), choice: 'for' }],
    });
    expect(decided.motions.find((x) => x.id === adjournId)).toMatchObject({
      status: 'carried',
      tally: { for: 1, against: 0, abstain: 0, absent: 4, quorumPresent: 1, quorumRequired: 3 },
    });
    expect(decided.motions.find((x) => x.id === plan.id)?.status).toBe('open');
  });

  it_('records each seat’s vote, the proxies who cast them, and the outcome', async () => {
    const m = await sittingMeeting(f.db);
    await present(m, [
      ['kyoto', 'Daisaku Kadokawa', 'own-right'],
      ['seoul', 'Min Kwon', 'proxy'],
      ['suwon', 'Moo Young Jo', 'proxy'],
    ]);
    const plan = await motion(m, 'Adopt the work plan');
    const votes = await countRows(f.db, 'motion_votes');
    await expect(
      governance.decide(f.db, admin, plan.id, {
        votes: [{ seatId: seatOf(m, 'new-taipei'), choice: 'for' }],
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/votes/0/choice' }] });
    expect(await countRows(f.db, 'motion_votes')).toBe(votes);

    const decided = await governance.decide(f.db, admin, plan.id, {
      votes: [
        { seatId: seatOf(m, 'kyoto'), choice: 'for' },
        { seatId: seatOf(m, 'seoul'), choice: 'for' },
      ],
    });
    const result = decided.motions.find((x) => x.id === plan.id)!;
    // Suwon is present and gave no choice: it abstains; the two absent seats are absent.
    expect(result).toMatchObject({
      status: 'carried',
      tally: { for: 2, against: 0, abstain: 1, absent: 2, quorumPresent: 3, quorumRequired: 3 },
    });
    expect(
      Object.fromEntries(result.votes.map((v) => [v.government.slug, [v.choice, v.castBy]])),
    ).toEqual({
      kyoto: ['for', 'Daisaku Kadokawa'],
      seoul: ['for', 'Min Kwon (proxy of Jeong Hyup Seo)'],
      suwon: ['abstain', 'Moo Young Jo (proxy of Tae-Young Yeom)'],
      changchun: ['absent', null],
      'new-taipei': ['absent', null],
    });
    expect(await countRows(f.db, 'motion_votes')).toBe(votes + 5);
    expect((await auditOf(f.db, 'motion', plan.id)).at(-1)).toMatchObject({
      action: 'update',
      summary: 'Carried 2–0–1: Adopt the work plan',
    });
    await expect(governance.decide(f.db, admin, plan.id, { votes: [] })).rejects.toMatchObject({
      status: 409,
      detail: 'The motion is already carried.',
    });
    await expect(governance.withdrawMotion(f.db, admin, plan.id)).rejects.toMatchObject({
      status: 409,
    });

    // The same votes fail under an absolute majority: three of the five seats must be for.
    const absolute = await motion(m, 'Amend the statutes', { majorityRule: 'absolute' });
    const failed = await governance.decide(f.db, admin, absolute.id, {
      votes: [
        { seatId: seatOf(m, 'kyoto'), choice: 'for' },
        { seatId: seatOf(m, 'seoul'), choice: 'for' },
      ],
    });
    expect(failed.motions.find((x) => x.id === absolute.id)).toMatchObject({
      status: 'failed',
      majorityRule: 'absolute',
      tally: { for: 2, abstain: 1 },
    });

    // A seat that has voted stays in the record.
    await expect(governance.removeSeat(f.db, admin, seatOf(m, 'kyoto'))).rejects.toMatchObject({
      status: 409,
    });
  });

  it_('withdraws an open motion, and decides only while the meeting sits', async () => {
    const m = await draftMeeting(f.db);
    const open = await motion(m, 'Early motion');
    await expect(governance.decide(f.db, admin, open.id, { votes: [] })).rejects.toMatchObject({
      status: 409,
      detail: 'Decisions are recorded while the meeting is in progress.',
    });
    await expect(
      governance.withdrawMotion(f.db, f.officer('seoul'), open.id),
    ).rejects.toMatchObject({ status: 403 });
    const after = await governance.withdrawMotion(f.db, admin, open.id);
    expect(after.motions[0]).toMatchObject({ status: 'withdrawn', tally: null });
    expect(after.motions[0]?.decidedAt).not.toBeNull();
    expect((await auditOf(f.db, 'motion', open.id)).at(-1)?.summary).toBe(
      'Withdrew motion: Early motion',
    );
    await expect(governance.decide(f.db, admin, 999_999, { votes: [] })).rejects.toMatchObject({
      status: 404,
    });
  });
});
