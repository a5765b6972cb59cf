import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graceUntil, renewalDay } from '../../core/membership-status';
import { SYSTEM_ACTOR, SYSTEM_ADMIN } from '../audit/service';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { createUser, updateUser } from '../users/service';
import { DailyScheduler, runDailyJob } from '../jobs/scheduler';
import { membershipDailyJob, type MembershipDaySummary } from './daily-job';
import { markInvoicePaid } from './invoice-service';
import { today } from './periods';
import { renewMembership } from './service';

/**
 * The daily job on both databases, on days the test chooses: statuses move on the right days,
 * the renewal invoice goes out a month before the end (once), overdue invoices are reminded
 * of every thirty days, and a second run on one day does nothing at all.
 */
describe.each(dialectCases())('the daily membership job on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  const job = membershipDailyJob({ mailFrom: 'secretariat@accord.example' });
  const run = (day: string) => runDailyJob(t.db, job, day);
  const summaryOf = async (day: string) => {
    const outcome = await run(day);
    if (!outcome.ran) throw new Error(`the job did not run on ${day}`);
    return outcome.summary as MembershipDaySummary;
  };
  const count = async (table: 'outbox' | 'invoices' | 'audit_log' | 'membership_periods') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statusOf = async (slug: string) =>
    (
      await t.db.kysely
        .selectFrom('memberships')
        .innerJoin('governments', 'governments.id', 'memberships.government_id')
        .where('governments.slug', '=', slug)
        .select('memberships.status')
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    // Toyama, a prospect, joins for 2031 (far from the demo's dates) and pays; its officer
    // reads Japanese.
    const joined = await renewMembership(t.db, SYSTEM_ADMIN, 'toyama', {
      category: 'full-member',
      start: '2031-01-01',
    });
    const first = joined.invoices[0] as { id: number };
    await markInvoicePaid(t.db, SYSTEM_ADMIN, first.id, { paidOn: today() });
    const { user } = await createUser(t.db, SYSTEM_ACTOR, {
      email: 'officer.toyama@accord.example',
      displayName: 'Toyama Officer',
      role: 'officer',
      governmentSlug: 'toyama',
      password: 'toyama-officer-password-1',
    });
    await updateUser(t.db, SYSTEM_ADMIN, user.id, { locale: 'ja' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it_('does nothing the second time on one day', async () => {
    await summaryOf('2030-06-01');
    const before = await Promise.all([count('outbox'), count('invoices'), count('audit_log')]);
    expect(await run('2030-06-01')).toEqual({ ran: false });
    expect(await Promise.all([count('outbox'), count('invoices'), count('audit_log')])).toEqual(
      before,
    );
  });

  const toyamaInvoice = (periodStart: string) =>
    t.db.kysely
      .selectFrom('invoices')
      .innerJoin('governments', 'governments.id', 'invoices.government_id')
      .where('governments.slug', '=', 'toyama')
      .where('invoices.period_start', '=', periodStart)
      .selectAll('invoices')
      .executeTakeFirst();
  const lettersOf = (kind: string) =>
    t.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', 'officer.toyama@accord.example')
      .where('kind', '=', kind)
      .selectAll()
      .orderBy('id')
      .execute();

  it_('moves the status and renews on the right days', async () => {
    await summaryOf('2030-12-31');
    expect(await statusOf('toyama')).toBe('none');
    await summaryOf('2031-01-01');
    expect(await statusOf('toyama')).toBe('new');

    // A month before the end of 2031 (30 November), not a day sooner.
    expect(renewalDay('2031-12-31')).toBe('2031-11-30');
    await summaryOf('2031-11-29');
    expect(await toyamaInvoice('2032-01-01')).toBeUndefined();
    const renewalDayRun = await summaryOf('2031-11-30');
    expect(renewalDayRun.renewalsIssued).toBeGreaterThanOrEqual(1);
    const renewal = await toyamaInvoice('2032-01-01');
    // Japan, 418,686 people: the high-income band from 250,000 (an illustrative 1,400 euros).
    expect(renewal).toMatchObject({
      status: 'open',
      issued_on: '2031-11-30',
      due_on: '2032-01-01',
      period_id: null,
      amount: 1400,
      currency: 'EUR',
    });
    const letters = await lettersOf('membership-renewal');
    expect(letters).toHaveLength(1);
    // In the officer's language, naming the invoice and the government in Japanese.
    expect(letters[0]?.subject).toBe(`会員資格の更新：請求書 ${renewal?.number}`);
    expect(letters[0]?.body_text).toContain('富山市');
    const invoices = await count('invoices');
    await summaryOf('2031-12-01');
    expect(await count('invoices')).toBe(invoices);
    expect(await lettersOf('membership-renewal')).toHaveLength(1);

    await summaryOf('2031-12-31');
    expect(await statusOf('toyama')).toBe('new');
    await summaryOf('2032-01-01');
    expect(await statusOf('toyama')).toBe('grace');
    expect(graceUntil('2031-12-31')).toBe('2032-01-31');
    await summaryOf('2032-01-31');
    expect(await statusOf('toyama')).toBe('grace');
    await summaryOf('2032-02-01');
    expect(await statusOf('toyama')).toBe('expired');
  });

  it_('reminds of an overdue invoice every thirty days, not every day', async () => {
    // Due 2032-01-01, so overdue from the 2nd: the run of 31 January sent the first reminder.
    const first = await lettersOf('membership-reminder');
    expect(first).toHaveLength(1);
    expect(first[0]?.subject).toBe(
      `お知らせ：請求書 ${(await toyamaInvoice('2032-01-01'))?.number} のお支払期限が過ぎています`,
    );
    expect(await toyamaInvoice('2032-01-01')).toMatchObject({
      last_reminded_on: '2032-01-31',
      reminders_sent: 1,
    });
    await summaryOf('2032-02-29');
    expect(await lettersOf('membership-reminder')).toHaveLength(1);
    await summaryOf('2032-03-01');
    expect(await lettersOf('membership-reminder')).toHaveLength(2);
    expect(await toyamaInvoice('2032-01-01')).toMatchObject({ reminders_sent: 2 });
  });

  it_('runs once a day from the scheduler, on the clock it is given', async () => {
    let clock = new Date('2040-03-01T23:59:00Z');
    const runs: string[] = [];
    const scheduler = new DailyScheduler(t.db, [job], {
      now: () => clock,
      onRun: (_job, day, outcome) => {
        if (outcome.ran) runs.push(day);
      },
    });
    await scheduler.tick();
    await scheduler.tick();
    clock = new Date('2040-03-02T00:01:00Z');
    await scheduler.tick();
    await scheduler.close();
    expect(runs).toEqual(['2040-03-01', '2040-03-02']);
    const claimed = await t.db.jobs.jobRuns('membership', 2);
    expect(claimed.map((r) => r.day)).toEqual(['2040-03-02', '2040-03-01']);
  });
});
