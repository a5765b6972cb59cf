/** What the secretariat may do next with a meeting, following its lifecycle. */
import { canMoveMeeting } from '../../core/governance/meeting';
import { earlyStartMinutes } from '../../core/governance/schedule';
import type { MeetingStatus } from './types';

export const STATUS_ACTIONS = [
  { action: 'schedule', to: 'scheduled' },
  { action: 'start', to: 'in-progress' },
  { action: 'close', to: 'closed' },
  { action: 'cancel', to: 'cancelled' },
  { action: 'backToDraft', to: 'draft' },
] as const satisfies readonly { action: string; to: MeetingStatus }[];

export type StatusAction = (typeof STATUS_ACTIONS)[number]['action'];

export function availableActions(status: MeetingStatus): StatusAction[] {
  return STATUS_ACTIONS.filter((a) => canMoveMeeting(status, a.to)).map((a) => a.action);
}

export function targetStatus(action: StatusAction): MeetingStatus {
  return STATUS_ACTIONS.find((a) => a.action === action)?.to as MeetingStatus;
}

/** Closing and cancelling cannot be undone, so they are confirmed first. */
export function needsConfirmation(action: StatusAction): boolean {
  return action === 'close' || action === 'cancel';
}

/**
 * Starting the meeting now would be more than a day before its scheduled start: the secretariat
 * is asked first, naming when it is scheduled, and the server told it was meant.
 */
export function isEarlyStart(
  action: StatusAction,
  meeting: { startsAt: string },
  now: Date = new Date(),
): boolean {
  return action === 'start' && earlyStartMinutes(meeting.startsAt, now.toISOString()) !== null;
}

/** The news post is made from the record of a meeting that took place. */
export function canMakeNews(status: MeetingStatus): boolean {
  return status === 'closed';
}

/** The sections of the management page, in the order the secretariat works through them. */
export const MANAGE_SECTIONS = [
  'status',
  'invitations',
  'attendance',
  'motions',
  'minutes',
  'files',
  'news',
] as const;
