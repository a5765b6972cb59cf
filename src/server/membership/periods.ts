/**
 * What every change of a membership's periods does after it: add the period, link it to the
 * invoice that bills it, and bring the membership row (status, category, first day) in line
 * with the periods as the status rule reads them today. The renewal, the payment of a renewal
 * invoice and the daily job all go through here.
 */
import type { MembershipCategory } from '../../core/membership';
import { membershipStatusOn, type MembershipPeriod } from '../../core/membership-status';
import { nowIso } from '../clock';
import type { Store } from '../store';
import type { PeriodRow } from './repository';

/** Today on the server's clock, as a calendar day in UTC. */
export const today = (): string => nowIso().slice(0, 10);

export const asPeriods = (rows: readonly PeriodRow[]): MembershipPeriod[] =>
  rows.map((r) => ({ start: r.start_date, end: r.end_date }));

/**
 * The category on a day: that of the period holding it, else of the last period begun by then,
 * else of the first period (a membership that has not begun yet).
 */
export function categoryOn(rows: readonly PeriodRow[], day: string): MembershipCategory | null {
  const sorted = [...rows].sort((a, b) => a.start_date.localeCompare(b.start_date));
  const holding = sorted.find((p) => p.start_date <= day && day <= p.end_date);
  const begun = sorted.filter((p) => p.start_date <= day).at(-1);
  return (holding ?? begun ?? sorted[0])?.category ?? null;
}

export interface MembershipChange {
  before: { status: string; category: string; since: string | null };
  after: { status: string; category: string; since: string | null };
}

/**
 * Brings a government's membership row in line with its periods on `day`; returns what changed,
 * or null when nothing did. A membership without periods keeps what the secretariat set by
 * hand (the rule has nothing to read).
 */
export async function syncMembership(
  tx: Store,
  governmentId: number,
  day: string,
): Promise<MembershipChange | null> {
  const row = await tx.members.membershipOf(governmentId);
  const periods = await tx.membership.periodsOf(governmentId);
  const suspendedOn = row?.suspended_on ?? null;
  if (periods.length === 0 && suspendedOn === null) return null;
  const standing = membershipStatusOn(asPeriods(periods), suspendedOn, day);
  const before = {
    status: row?.status ?? 'none',
    category: row?.category ?? 'non-member',
    since: row?.since ?? null,
  };
  const after = {
    status: standing.status,
    category: categoryOn(periods, day) ?? before.category,
    since: periods[0]?.start_date ?? before.since,
  };
  if (
    before.status === after.status &&
    before.category === after.category &&
    before.since === after.since
  ) {
    return null;
  }
  await tx.members.setMembershipFields(governmentId, {
    status: after.status,
    category: after.category as MembershipCategory,
    since: after.since,
  });
  return { before, after };
}

/**
 * Adds a period and links the invoice of its year, if one was issued before it (a renewal
 * invoice): the new period's id. A second period with the same start is refused by the
 * database (409 on start_date).
 */
export async function addPeriod(
  tx: Store,
  by: string,
  governmentId: number,
  period: { category: MembershipCategory; start: string; end: string },
): Promise<number> {
  const id = await tx.membership.insertPeriod({
    government_id: governmentId,
    category: period.category,
    start_date: period.start,
    end_date: period.end,
    created_at: nowIso(),
    created_by: by,
  });
  const invoice = await tx.membership.invoiceForPeriod(governmentId, period.start);
  if (invoice && invoice.period_id === null) await tx.membership.setInvoicePeriod(invoice.id, id);
  return id;
}
