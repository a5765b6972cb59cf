import { feeFor, SEED_FEE_SCHEDULE } from '../../../core/membership-fees';
import {
  addDays,
  addMonths,
  periodEndFor,
  renewalDay,
  type MembershipPeriod,
} from '../../../core/membership-status';
import { SYSTEM_ADMIN } from '../../audit/service';
import { issueInvoice } from '../../membership/invoice-service';
import { addPeriod, syncMembership, today } from '../../membership/periods';
import type { StoreDb as Db } from '../../store';

/**
 * The demo members' years of membership and their invoices, dated from the day the demo is
 * loaded so the pages always have something to show: Kyoto, Seoul and Changchun are current
 * with every year paid; New Taipei's year ends in three weeks and its renewal invoice is out,
 * not yet due; Suwon's year ended twelve days ago, so it is in its month of grace with the
 * renewal invoice overdue. Fees are the seeded schedule's (illustrative but for its ends).
 * Nothing here is the network's real membership record.
 */

interface DemoMember {
  slug: string;
  /** The last day of the member's latest period. */
  lastEnd: string;
  /** How many periods up to it. */
  years: number;
  /** Whether the year after the latest period has been invoiced (and not paid). */
  renewalOut: boolean;
}

function demoMembers(day: string): DemoMember[] {
  const yearEnd = `${day.slice(0, 4)}-12-31`;
  return [
    { slug: 'kyoto', lastEnd: yearEnd, years: 4, renewalOut: false },
    { slug: 'seoul', lastEnd: yearEnd, years: 3, renewalOut: false },
    { slug: 'changchun', lastEnd: yearEnd, years: 2, renewalOut: false },
    { slug: 'new-taipei', lastEnd: addDays(day, 21), years: 3, renewalOut: true },
    { slug: 'suwon', lastEnd: addDays(day, -12), years: 3, renewalOut: true },
  ];
}

/** The periods ending on `lastEnd`, oldest first. */
function periodsUpTo(lastEnd: string, years: number): MembershipPeriod[] {
  const firstStart = addDays(addMonths(lastEnd, -12 * years), 1);
  const periods: MembershipPeriod[] = [];
  let start = firstStart;
  for (let i = 0; i < years; i++) {
    periods.push({ start, end: periodEndFor(start) });
    start = addDays(periodEndFor(start), 1);
  }
  return periods;
}

/** True for a demo database whose members have no periods yet (made before issue 11). */
export async function demoMembershipMissing(db: Db): Promise<boolean> {
  const seoul = await db.members.findGovernmentBySlug('seoul');
  if (Number(seoul?.is_demo) !== 1) return false;
  return !(await db.membership.hasAnyPeriod());
}

export async function seedDemoMembership(db: Db): Promise<void> {
  const day = today();
  await db.transaction(async (tx) => {
    const invoices: Parameters<typeof issueInvoice>[2][] = [];
    const paid = new Map<string, string>();
    const touched: number[] = [];
    for (const member of demoMembers(day)) {
      const id = await tx.members.findGovernmentIdBySlug(member.slug);
      const gov = id === undefined ? undefined : await tx.members.governmentRow(id);
      if (!gov) continue;
      const fee = feeFor(SEED_FEE_SCHEDULE, {
        kind: gov.kind,
        country: gov.country,
        population: gov.population,
      });
      if (!fee.ok) throw new Error(`demo membership: no fee for ${member.slug} (${fee.reason})`);
      const periods = periodsUpTo(member.lastEnd, member.years);
      const billed = member.renewalOut
        ? [
            ...periods,
            { start: addDays(member.lastEnd, 1), end: periodEndFor(addDays(member.lastEnd, 1)) },
          ]
        : periods;
      for (const [i, p] of billed.entries()) {
        const renewal = i > 0;
        const periodId =
          i < periods.length
            ? await addPeriod(tx, SYSTEM_ADMIN.label, gov.id, { category: 'full-member', ...p })
            : null;
        // A renewal goes out a month before the year it follows ends; a first invoice on joining.
        const issuedOn = renewal ? renewalDay(addDays(p.start, -1)) : p.start;
        invoices.push({
          governmentId: gov.id,
          periodId,
          periodStart: p.start,
          periodEnd: p.end,
          category: 'full-member',
          amount: fee.amount,
          currency: fee.currency,
          basis: fee.basis,
          issuedOn,
        });
        // Paid within two weeks, except the renewal still out.
        if (periodId !== null) paid.set(`${gov.id}|${p.start}`, addDays(issuedOn, 14));
      }
      touched.push(gov.id);
    }
    // Issued in the order they went out, so numbers run by date within each year.
    invoices.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
    for (const input of invoices) {
      const invoice = await issueInvoice(tx, SYSTEM_ADMIN, input);
      const paidOn = paid.get(`${input.governmentId}|${input.periodStart}`);
      if (paidOn && paidOn <= day) {
        await tx.membership.setInvoicePaid(invoice.id, paidOn, invoice.created_at);
      }
    }
    for (const id of touched) await syncMembership(tx, id, day);
  });
}
