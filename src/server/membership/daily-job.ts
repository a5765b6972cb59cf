/**
 * The membership's day, run once a day by the scheduler (src/server/jobs): statuses move as the
 * rule says on the day; a membership whose period ends within a month gets its renewal invoice
 * (once per period, and its officers a letter); officers of governments with an invoice past
 * due get a reminder, again every thirty days while it stays unpaid.
 *
 * Running it twice on one day changes nothing the second time: the scheduler claims the day
 * (scheduled_job_runs), and each step checks what is done already (a status already right, an
 * invoice already issued for the year, a reminder already sent within thirty days).
 */
import { feeFor } from '../../core/membership-fees';
import { addDays, graceUntil, nextPeriod, renewalDay } from '../../core/membership-status';
import { ACCORD_ACTOR_LABELS } from '../../core/attribution';
import { SYSTEM_ACTOR, recordAudit } from '../audit/service';
import type { DailyJob } from '../jobs/scheduler';
import type { Store } from '../store';
import { scheduleInForce } from './fee-service';
import { issueInvoice } from './invoice-service';
import { queueInvoiceLetters, type LetterConfig } from './letters';
import { asPeriods, syncMembership } from './periods';
import type { PeriodRow } from './repository';

/** Days between reminders of one unpaid invoice. */
export const REMINDER_INTERVAL_DAYS = 30;

export interface MembershipDaySummary {
  day: string;
  statusesChanged: number;
  renewalsIssued: number;
  /** Renewals the schedule could not price: the government and why (the secretariat renews). */
  renewalsSkipped: { government: string; reason: string }[];
  remindersQueued: number;
  lettersQueued: number;
}

const SYSTEM = { ...SYSTEM_ACTOR, label: ACCORD_ACTOR_LABELS.job };

export async function runMembershipDay(
  tx: Store,
  config: LetterConfig,
  day: string,
): Promise<MembershipDaySummary> {
  const summary: MembershipDaySummary = {
    day,
    statusesChanged: 0,
    renewalsIssued: 0,
    renewalsSkipped: [],
    remindersQueued: 0,
    lettersQueued: 0,
  };
  const [memberships, periods, invoiced, fees] = await Promise.all([
    tx.membership.membershipsWithGovernments(),
    tx.membership.allPeriods(),
    tx.membership.invoicedPeriods(),
    scheduleInForce(tx),
  ]);
  const periodsOf = new Map<number, PeriodRow[]>();
  for (const p of periods)
    periodsOf.set(p.government_id, [...(periodsOf.get(p.government_id) ?? []), p]);
  const billed = new Set(invoiced.map((i) => `${i.government_id}|${i.period_start}`));

  for (const m of memberships) {
    const own = periodsOf.get(m.id) ?? [];
    const change = await syncMembership(tx, m.id, day);
    if (change) {
      summary.statusesChanged += 1;
      await recordAudit(tx, SYSTEM, {
        action: 'update',
        entityType: 'government',
        entityId: m.id,
        summary: `${m.slug}: membership ${change.before.status} → ${change.after.status}`,
        before: change.before,
        after: change.after,
      });
    }
    const last = own.at(-1);
    const next = nextPeriod(asPeriods(own));
    if (!last || !next || m.suspended_on !== null) continue;
    // From a month before the end until the grace ends (a day missed is caught up).
    if (day < renewalDay(last.end_date) || day > graceUntil(last.end_date)) continue;
    if (billed.has(`${m.id}|${next.start}`)) continue;
    const fee = feeFor(fees.schedule, {
      kind: m.kind,
      country: m.country,
      population: m.population,
      associationScope: m.association_scope,
    });
    if (!fee.ok) {
      summary.renewalsSkipped.push({ government: m.slug, reason: fee.reason });
      continue;
    }
    const invoice = await issueInvoice(tx, SYSTEM, {
      governmentId: m.id,
      periodId: null,
      periodStart: next.start,
      periodEnd: next.end,
      category: last.category,
      amount: fee.amount,
      currency: fee.currency,
      basis: fee.basis,
      issuedOn: day,
    });
    summary.renewalsIssued += 1;
    summary.lettersQueued += await queueInvoiceLetters(tx, config, 'membership-renewal', invoice);
  }

  for (const invoice of await tx.membership.invoicesToRemind(
    day,
    addDays(day, -REMINDER_INTERVAL_DAYS),
  )) {
    const letters = await queueInvoiceLetters(tx, config, 'membership-reminder', invoice);
    // An invoice nobody could be told of is tried again tomorrow (an officer may appear).
    if (letters === 0) continue;
    await tx.membership.setInvoiceReminded(invoice.id, day);
    summary.remindersQueued += 1;
    summary.lettersQueued += letters;
  }
  return summary;
}

/** The job as the scheduler runs it. */
export function membershipDailyJob(config: LetterConfig): DailyJob {
  return { name: 'membership', run: (tx, day) => runMembershipDay(tx, config, day) };
}
