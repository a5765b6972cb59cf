/**
 * A government's membership as the secretariat manages it: its periods (one per year; a
 * renewal adds the next, never changes one), its status by rule with the days it holds, its
 * invoices, and suspension by an administrator. Every change claims the government's next
 * version (a membership is part of the government's record), so changes queue, and is audited.
 */
import type { MembershipCategory } from '../../core/membership';
import { feeFor, incomeGroupOf, type FeeResult } from '../../core/membership-fees';
import { membershipStatusOn, nextPeriod, periodEndFor } from '../../core/membership-status';
import { recordAudit, type AuditActor } from '../audit/service';
import { authorize } from '../http/authorize';
import { conflict, invalidField, notFound, problem } from '../http/problem';
import type { Store } from '../store';
import { scheduleInForce } from './fee-service';
import { issueInvoice, presentInvoices } from './invoice-service';
import { addPeriod, asPeriods, syncMembership, today } from './periods';
import { presentPeriod } from './present';
import type { FeeBasis, MembershipView, RenewInput, SuspendInput } from './schemas';

type GovernmentRow = NonNullable<Awaited<ReturnType<Store['members']['governmentRow']>>>;

/** What a fee cannot be computed without, in the words of a field problem. */
export const NO_FEE_DETAIL: Record<Exclude<FeeResult, { ok: true }>['reason'], string> = {
  'invalid-schedule': 'the fee schedule in force is not valid: give the amount',
  'association-scope-unknown':
    'an association pays the national or the subnational fee: give associationScope, or the amount',
  'population-unknown': 'the government has no population to find its band: give the amount',
  'country-without-income-group': 'the country has no World Bank income group: give the amount',
};

async function governmentOf(store: Store, slug: string): Promise<GovernmentRow> {
  const id = await store.members.findGovernmentIdBySlug(slug);
  const row = id === undefined ? undefined : await store.members.governmentRow(id);
  if (!row) throw notFound('government', `no government "${slug}"`);
  return row;
}

/** The fee of a government's next year under the schedule in force. */
async function quote(
  store: Store,
  gov: GovernmentRow,
  scope: 'national' | 'subnational' | null,
): Promise<FeeResult> {
  const { schedule } = await scheduleInForce(store);
  return feeFor(schedule, {
    kind: gov.kind,
    country: gov.country,
    population: gov.population,
    associationScope: scope,
  });
}

async function view(store: Store, gov: GovernmentRow): Promise<MembershipView> {
  const day = today();
  const [row, periods, invoiceRows] = await Promise.all([
    store.members.membershipOf(gov.id),
    store.membership.periodsOf(gov.id),
    store.membership.invoicesOf(gov.id),
  ]);
  const scope = row?.association_scope ?? null;
  // Without periods the status is what the secretariat set by hand; with them, the rule's.
  const standing =
    periods.length > 0 || row?.suspended_on
      ? membershipStatusOn(asPeriods(periods), row?.suspended_on ?? null, day)
      : { status: row?.status ?? 'none', from: null, until: null };
  return {
    government: {
      id: gov.id,
      slug: gov.slug,
      kind: gov.kind,
      country: gov.country,
      population: gov.population,
      incomeGroup: incomeGroupOf(gov.country),
    },
    category: row?.category ?? 'non-member',
    status: standing.status,
    statusFrom: standing.from,
    statusUntil: standing.until,
    since: periods[0]?.start_date ?? row?.since ?? null,
    suspendedOn: row?.suspended_on ?? null,
    associationScope: scope,
    periods: periods.map(presentPeriod).reverse(),
    invoices: await presentInvoices(store, invoiceRows, day),
    nextPeriod: nextPeriod(asPeriods(periods)),
    fee: await quote(store, gov, scope),
    today: day,
  };
}

export async function getMembership(
  store: Store,
  actor: AuditActor | null,
  slug: string,
): Promise<MembershipView> {
  const gov = await governmentOf(store, slug);
  authorize(
    actor,
    'membership.manage',
    { governmentId: gov.id },
    'Only the secretariat manages memberships.',
  );
  return view(store, gov);
}

/**
 * Renews a membership: adds the period after the last one (or from `start`: the first one, or a
 * return after a lapse) and its
 * invoice, unless the daily job issued that invoice already (then it is linked to the period).
 * The amount is the schedule's, or the one given.
 */
export async function renewMembership(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: RenewInput,
): Promise<MembershipView> {
  const seen = await governmentOf(store, slug);
  authorize(
    actor,
    'membership.manage',
    { governmentId: seen.id },
    'Only the secretariat renews memberships.',
  );
  const day = today();
  return store.transaction(async (tx) => {
    // Renewals and other changes of one government queue here.
    await tx.members.claimGovernmentVersion(seen.id);
    const gov = (await tx.members.governmentRow(seen.id)) as GovernmentRow;
    const row = await tx.members.membershipOf(gov.id);
    const periods = await tx.membership.periodsOf(gov.id);
    const next = nextPeriod(asPeriods(periods));
    // A later start than the day after the last period is a return after a lapse; an earlier
    // one would overlap a period, which is never changed.
    if (next && input.start !== undefined && input.start < next.start) {
      throw invalidField(
        '/start',
        'period-overlaps',
        `the last period ends the day before ${next.start}`,
        { day: next.start },
      );
    }
    const start = input.start ?? next?.start;
    if (start === undefined) {
      throw invalidField(
        '/start',
        'first-period-start-missing',
        'give the first day of the first period',
      );
    }
    const period = { start, end: periodEndFor(start) };
    const category: MembershipCategory | undefined =
      input.category ??
      periods.at(-1)?.category ??
      (row && row.category !== 'non-member' ? row.category : undefined);
    if (category === undefined) {
      throw invalidField(
        '/category',
        'category-missing',
        'a prospect becomes a member of a category: give it',
      );
    }
    const scope = input.associationScope ?? row?.association_scope ?? null;
    const periodId = await addPeriod(tx, actor.label, gov.id, { category, ...period });
    let invoice = await tx.membership.invoiceForPeriod(gov.id, period.start);
    if (!invoice) {
      let amount = input.amount;
      let currency: string;
      let basis: FeeBasis;
      const fee = await quote(tx, gov, scope);
      if (amount !== undefined) {
        currency = fee.ok ? fee.currency : (await scheduleInForce(tx)).schedule.currency;
        basis = { kind: 'set', by: actor.label };
      } else if (fee.ok) {
        ({ amount, currency, basis } = fee);
      } else {
        throw invalidField('/amount', `no-fee-${fee.reason}`, NO_FEE_DETAIL[fee.reason]);
      }
      invoice = await issueInvoice(tx, actor, {
        governmentId: gov.id,
        periodId,
        periodStart: period.start,
        periodEnd: period.end,
        category,
        amount,
        currency,
        basis,
        issuedOn: day,
      });
    }
    // The membership row is written only once the invoice number is taken: the daily job may
    // hold membership rows while it waits for a number, so a renewal must not wait holding one.
    if (input.associationScope !== undefined) {
      await tx.members.setMembershipFields(gov.id, { association_scope: input.associationScope });
    }
    const change = await syncMembership(tx, gov.id, day);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'membership-period',
      entityId: periodId,
      summary: `${gov.slug}: membership renewed for ${period.start} to ${period.end} (invoice ${invoice.number})`,
      before: change?.before ?? null,
      after: { ...period, category, invoice: invoice.number, ...(change?.after ?? {}) },
    });
    return view(tx, gov);
  });
}

/** Suspends a membership from a day (today unless said), whatever its periods say. */
export async function suspendMembership(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: SuspendInput,
): Promise<MembershipView> {
  return setSuspension(store, actor, slug, input.since ?? today());
}

/** Lifts a suspension: the status is the rule's again. */
export function liftSuspension(store: Store, actor: AuditActor, slug: string) {
  return setSuspension(store, actor, slug, null);
}

async function setSuspension(
  store: Store,
  actor: AuditActor,
  slug: string,
  since: string | null,
): Promise<MembershipView> {
  const seen = await governmentOf(store, slug);
  authorize(
    actor,
    'membership.manage',
    { governmentId: seen.id },
    'Only the secretariat suspends memberships.',
  );
  return store.transaction(async (tx) => {
    await tx.members.claimGovernmentVersion(seen.id);
    const gov = (await tx.members.governmentRow(seen.id)) as GovernmentRow;
    const row = await tx.members.membershipOf(gov.id);
    if ((await tx.membership.periodsOf(gov.id)).length === 0) {
      throw conflict(
        'no-periods-yet',
        `${gov.slug} has no membership periods yet: renew it first.`,
        {
          pointer: '/since',
          fieldDetail: 'the membership has no periods yet',
        },
      );
    }
    const was = row?.suspended_on ?? null;
    if (since !== null && was !== null) {
      throw conflict('already-suspended', `${gov.slug} has been suspended since ${was}.`, {
        params: { day: was },
        pointer: '/since',
        fieldDetail: `already suspended since ${was}`,
      });
    }
    if (since === null && was === null)
      throw problem(404, 'not-suspended', `${gov.slug} is not suspended`);
    await tx.members.setMembershipFields(gov.id, { suspended_on: since });
    const change = await syncMembership(tx, gov.id, today());
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'government',
      entityId: gov.id,
      summary:
        since === null
          ? `${gov.slug}: suspension lifted`
          : `${gov.slug}: membership suspended from ${since}`,
      before: { suspendedOn: was, status: change?.before.status ?? row?.status },
      after: { suspendedOn: since, status: change?.after.status ?? row?.status },
    });
    return view(tx, gov);
  });
}
