import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionsAt,
  addMonths,
  APPLICATION_ACTIONS,
  APPLICATION_STEPS,
  FINAL_STEPS,
  moveApplication,
  pathIndexOf,
  resolutionStanding,
  type ApplicationAction,
  type ApplicationParty,
  type ApplicationStep,
} from './applications';

/**
 * Every allowed move, written out by hand from the workflow in PRODUCT.md: [from, action, by,
 * to]. Every other combination of step, action and party must be refused.
 */
const ALLOWED: [ApplicationStep, ApplicationAction, ApplicationParty, ApplicationStep][] = [
  ['submitted', 'start-review', 'secretariat', 'in-review'],
  ['submitted', 'request-information', 'secretariat', 'information-requested'],
  ['in-review', 'request-information', 'secretariat', 'information-requested'],
  ['information-requested', 'answer', 'applicant', 'in-review'],
  ['information-requested', 'resume-review', 'secretariat', 'in-review'],
  ['in-review', 'accept', 'secretariat', 'accepted'],
  ['accepted', 'invoice', 'secretariat', 'invoiced'],
  ['invoiced', 'invoice', 'secretariat', 'invoiced'],
  ['invoiced', 'mark-paid', 'secretariat', 'paid'],
  ['paid', 'confirm', 'secretariat', 'confirmed'],
  ['confirmed', 'make-member', 'secretariat', 'member'],
  ['submitted', 'reject', 'secretariat', 'rejected'],
  ['in-review', 'reject', 'secretariat', 'rejected'],
  ['information-requested', 'reject', 'secretariat', 'rejected'],
  ['accepted', 'reject', 'secretariat', 'rejected'],
  ['invoiced', 'reject', 'secretariat', 'rejected'],
  ['paid', 'reject', 'secretariat', 'rejected'],
  ...(['submitted', 'in-review', 'information-requested', 'accepted', 'invoiced'] as const).flatMap(
    (from) =>
      (['applicant', 'secretariat'] as const).map(
        (by) =>
          [from, 'withdraw', by, 'withdrawn'] as [
            ApplicationStep,
            ApplicationAction,
            ApplicationParty,
            ApplicationStep,
          ],
      ),
  ),
];

const PARTIES: ApplicationParty[] = ['applicant', 'secretariat'];

describe('application workflow', () => {
  it('allows exactly the moves of the workflow, with a comment where one is needed', () => {
    let allowed = 0;
    for (const step of APPLICATION_STEPS) {
      for (const action of APPLICATION_ACTIONS) {
        for (const by of PARTIES) {
          const expected = ALLOWED.find(([f, a, p]) => f === step && a === action && p === by);
          const move = moveApplication(step, action, by, 'because');
          if (expected) {
            allowed += 1;
            expect({ step, action, by, move }).toMatchObject({
              step,
              action,
              by,
              move: { ok: true, to: expected[3] },
            });
          } else {
            expect({ step, action, by, ok: move.ok }).toEqual({ step, action, by, ok: false });
          }
        }
      }
    }
    expect(allowed).toBe(ALLOWED.length);
  });

  it('says why a move is refused', () => {
    expect(moveApplication('member', 'reject', 'secretariat', 'x')).toEqual({
      ok: false,
      problem: 'final',
    });
    expect(moveApplication('submitted', 'mark-paid', 'secretariat')).toEqual({
      ok: false,
      problem: 'not-from-step',
    });
    expect(moveApplication('in-review', 'accept', 'applicant')).toEqual({
      ok: false,
      problem: 'not-yours',
    });
    expect(moveApplication('in-review', 'reject', 'secretariat', '  ')).toEqual({
      ok: false,
      problem: 'comment-required',
    });
    expect(moveApplication('information-requested', 'answer', 'applicant', null)).toEqual({
      ok: false,
      problem: 'comment-required',
    });
    // Accepting needs no comment.
    expect(moveApplication('in-review', 'accept', 'secretariat')).toMatchObject({ ok: true });
  });

  it('tells the applicant at the steps that concern them', () => {
    const tells = (step: ApplicationStep, action: ApplicationAction, by: ApplicationParty) => {
      const move = moveApplication(step, action, by, 'c');
      return move.ok && move.transition.tellsApplicant;
    };
    expect(tells('in-review', 'request-information', 'secretariat')).toBe(true);
    expect(tells('in-review', 'accept', 'secretariat')).toBe(true);
    expect(tells('accepted', 'invoice', 'secretariat')).toBe(true);
    expect(tells('confirmed', 'make-member', 'secretariat')).toBe(true);
    expect(tells('in-review', 'reject', 'secretariat')).toBe(true);
    // Internal steps and the applicant's own answer are not news to the applicant.
    expect(tells('submitted', 'start-review', 'secretariat')).toBe(false);
    expect(tells('paid', 'confirm', 'secretariat')).toBe(false);
    expect(tells('information-requested', 'answer', 'applicant')).toBe(false);
  });

  it('lists what each party can do at a step', () => {
    expect(actionsAt('information-requested', 'applicant')).toEqual(['answer', 'withdraw']);
    expect(actionsAt('in-review', 'secretariat')).toEqual([
      'request-information',
      'accept',
      'reject',
      'withdraw',
    ]);
    expect(actionsAt('paid', 'applicant')).toEqual([]);
    for (const step of FINAL_STEPS) {
      expect(actionsAt(step, 'secretariat')).toEqual([]);
      expect(actionsAt(step, 'applicant')).toEqual([]);
    }
  });

  it('reaches every step from submitted, and membership only through payment and confirmation', () => {
    const reached = new Set<ApplicationStep>(['submitted']);
    const parents = new Map<ApplicationStep, ApplicationStep[]>();
    const queue: ApplicationStep[] = ['submitted'];
    while (queue.length) {
      const step = queue.shift() as ApplicationStep;
      for (const by of PARTIES) {
        for (const action of actionsAt(step, by)) {
          const move = moveApplication(step, action, by, 'c');
          if (!move.ok) throw new Error('listed action refused');
          parents.set(move.to, [...(parents.get(move.to) ?? []), step]);
          if (!reached.has(move.to)) {
            reached.add(move.to);
            queue.push(move.to);
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STEPS].sort());
    expect(parents.get('member')).toEqual(['confirmed']);
    expect(parents.get('confirmed')).toEqual(['paid']);
    expect(parents.get('paid')).toEqual(['invoiced']);
  });

  it('never moves a closed application, whoever asks (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FINAL_STEPS),
        fc.constantFrom(...APPLICATION_ACTIONS),
        fc.constantFrom(...PARTIES),
        fc.option(fc.string()),
        (step, action, by, comment) => {
          expect(moveApplication(step, action, by, comment)).toEqual({
            ok: false,
            problem: 'final',
          });
        },
      ),
    );
  });

  it('places information requested with review on the way to membership', () => {
    expect(pathIndexOf('submitted')).toBe(0);
    expect(pathIndexOf('information-requested')).toBe(pathIndexOf('in-review'));
    expect(pathIndexOf('member')).toBe(6);
    expect(pathIndexOf('rejected')).toBeNull();
  });
});

describe('council resolution deadline', () => {
  it('adds months, keeping the day or the month’s last day', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('is due within six months of the application, then overdue', () => {
    expect(resolutionStanding('2026-03-10', null, '2026-03-10')).toEqual({
      state: 'due',
      by: '2026-09-10',
      daysLeft: 184,
    });
    expect(resolutionStanding('2026-03-10', null, '2026-09-10')).toEqual({
      state: 'due',
      by: '2026-09-10',
      daysLeft: 0,
    });
    expect(resolutionStanding('2026-03-10', null, '2026-09-12')).toEqual({
      state: 'overdue',
      by: '2026-09-10',
      daysLate: 2,
    });
    expect(resolutionStanding('2026-03-10', '2026-05-02', '2027-01-01')).toEqual({
      state: 'received',
      on: '2026-05-02',
    });
  });

  it('adding months and taking them back never moves past the start (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        (date, months) => {
          const day = date.toISOString().slice(0, 10);
          const later = addMonths(day, months);
          expect(later >= day).toBe(true);
          expect(addMonths(later, -months) <= day).toBe(true);
        },
      ),
    );
  });
});
