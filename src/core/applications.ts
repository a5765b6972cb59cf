/**
 * A membership application's steps and who may move it between them (PRODUCT.md, applications):
 * submitted → in review (↔ information requested) → accepted by the secretariat → invoiced →
 * paid → confirmed by the executive committee → member, or rejected, or withdrawn. The server
 * records each move with who, when and a comment; this module only says which moves exist.
 */

export const APPLICATION_STEPS = [
  'submitted',
  'in-review',
  'information-requested',
  'accepted',
  'invoiced',
  'paid',
  'confirmed',
  'member',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

/** Steps an application never leaves. */
export const FINAL_STEPS: readonly ApplicationStep[] = ['member', 'rejected', 'withdrawn'];

export const APPLICATION_ACTIONS = [
  'start-review',
  'request-information',
  'answer',
  'resume-review',
  'accept',
  'invoice',
  'mark-paid',
  'confirm',
  'make-member',
  'reject',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who moves an application: the person who applied (through the private status link) or staff. */
export type ApplicationParty = 'applicant' | 'secretariat';

export interface ApplicationTransition {
  action: ApplicationAction;
  from: readonly ApplicationStep[];
  to: ApplicationStep;
  by: readonly ApplicationParty[];
  /** The move needs a comment: what is asked, or why an application is refused. */
  commentRequired: boolean;
  /** The applicant is written to when the application takes this step. */
  tellsApplicant: boolean;
}

/** Steps before the network has decided anything it cannot take back. */
const OPEN: readonly ApplicationStep[] = [
  'submitted',
  'in-review',
  'information-requested',
  'accepted',
  'invoiced',
];

export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  {
    action: 'start-review',
    from: ['submitted'],
    to: 'in-review',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: false,
  },
  {
    action: 'request-information',
    from: ['submitted', 'in-review'],
    to: 'information-requested',
    by: ['secretariat'],
    commentRequired: true,
    tellsApplicant: true,
  },
  {
    // The applicant's answer puts the application back in the secretariat's hands.
    action: 'answer',
    from: ['information-requested'],
    to: 'in-review',
    by: ['applicant'],
    commentRequired: true,
    tellsApplicant: false,
  },
  {
    // Staff may go on without an answer (it came by telephone, or is no longer needed).
    action: 'resume-review',
    from: ['information-requested'],
    to: 'in-review',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
  {
    action: 'accept',
    from: ['in-review'],
    to: 'accepted',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
  {
    // Again from 'invoiced' once its invoice was cancelled (the server checks the invoice).
    action: 'invoice',
    from: ['accepted', 'invoiced'],
    to: 'invoiced',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
  {
    action: 'mark-paid',
    from: ['invoiced'],
    to: 'paid',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
  {
    action: 'confirm',
    from: ['paid'],
    to: 'confirmed',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: false,
  },
  {
    action: 'make-member',
    from: ['confirmed'],
    to: 'member',
    by: ['secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
  {
    // After payment only the executive committee can still refuse (a refund is handled apart).
    action: 'reject',
    from: [...OPEN, 'paid'],
    to: 'rejected',
    by: ['secretariat'],
    commentRequired: true,
    tellsApplicant: true,
  },
  {
    // Staff record a withdrawal the applicant asked for by letter or telephone.
    action: 'withdraw',
    from: OPEN,
    to: 'withdrawn',
    by: ['applicant', 'secretariat'],
    commentRequired: false,
    tellsApplicant: true,
  },
];

export type ApplicationMove =
  | { ok: true; to: ApplicationStep; transition: ApplicationTransition }
  | {
      ok: false;
      /** `final`: the application is closed; `not-from-step`: the action does not apply now;
       * `not-yours`: the action is the other party's; `comment-required`: say why first. */
      problem: 'final' | 'not-from-step' | 'not-yours' | 'comment-required';
    };

const transitionOf = new Map(APPLICATION_TRANSITIONS.map((t) => [t.action, t]));

export function isFinalStep(step: ApplicationStep): boolean {
  return FINAL_STEPS.includes(step);
}

/** Whether `by` may take `action` on an application at `step`, and where it goes. */
export function moveApplication(
  step: ApplicationStep,
  action: ApplicationAction,
  by: ApplicationParty,
  comment?: string | null,
): ApplicationMove {
  if (isFinalStep(step)) return { ok: false, problem: 'final' };
  const transition = transitionOf.get(action);
  if (!transition || !transition.from.includes(step))
    return { ok: false, problem: 'not-from-step' };
  if (!transition.by.includes(by)) return { ok: false, problem: 'not-yours' };
  if (transition.commentRequired && (comment ?? '').trim() === '') {
    return { ok: false, problem: 'comment-required' };
  }
  return { ok: true, to: transition.to, transition };
}

/** The actions `by` can take at `step`, in the order of the workflow. */
export function actionsAt(step: ApplicationStep, by: ApplicationParty): ApplicationAction[] {
  if (isFinalStep(step)) return [];
  return APPLICATION_TRANSITIONS.filter((t) => t.from.includes(step) && t.by.includes(by)).map(
    (t) => t.action,
  );
}

/** The steps of the way to membership, for a progress line on the status page. */
export const PATH_TO_MEMBERSHIP: readonly ApplicationStep[] = [
  'submitted',
  'in-review',
  'accepted',
  'invoiced',
  'paid',
  'confirmed',
  'member',
];

/** How far along the way an application is (information requested counts as in review). */
export function pathIndexOf(step: ApplicationStep): number | null {
  if (step === 'information-requested') return PATH_TO_MEMBERSHIP.indexOf('in-review');
  const index = PATH_TO_MEMBERSHIP.indexOf(step);
  return index < 0 ? null : index;
}

/** The council resolution may follow the application within six months. */
export const RESOLUTION_GRACE_MONTHS = 6;

/** Adds calendar months to a day (YYYY-MM-DD); the 31st becomes the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export type ResolutionStanding =
  | { state: 'received'; on: string }
  | { state: 'due'; by: string; daysLeft: number }
  | { state: 'overdue'; by: string; daysLate: number };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Where the council resolution stands on `today`: received, due by the last day of the six
 * months after the application was submitted, or overdue once that day has passed.
 */
export function resolutionStanding(
  submittedOn: string,
  receivedOn: string | null,
  today: string,
): ResolutionStanding {
  if (receivedOn) return { state: 'received', on: receivedOn };
  const by = addMonths(submittedOn, RESOLUTION_GRACE_MONTHS);
  const left = dayNumber(by) - dayNumber(today);
  if (left >= 0) return { state: 'due', by, daysLeft: left };
  return { state: 'overdue', by, daysLate: -left };
}
