/**
 * The fee schedule as configuration: administrators read it and change it. A change is checked
 * whole (validateSchedule names every problem, each at its field), adds the next version (so
 * every schedule ever in force stays readable) and is audited with the schedule before and
 * after. With If-Match, a change made from a version someone else replaced answers 412.
 */
import {
  INCOME_GROUPS,
  SEED_FEE_SCHEDULE,
  feeFor,
  validateSchedule,
  type FeeSchedule,
} from '../../core/membership-fees';
import { INCOME_CLASSIFICATION } from '../../core/income-groups';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { parseJsonColumn } from '../db/json';
import { authorize } from '../http/authorize';
import { HttpProblem, staleWrite } from '../http/problem';
import type { ExpectedVersions } from '../http/preconditions';
import type { Store } from '../store';
import type { FeeScheduleRow } from './fee-repository';
import type {
  FeePreviewAnswer,
  FeePreviewQuery,
  FeeScheduleBody,
  FeeScheduleVersion,
} from './schemas';

function isSchedule(value: unknown): value is FeeSchedule {
  const v = value as FeeSchedule | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.bands) &&
    INCOME_GROUPS.every((g) => Array.isArray(v.fees?.[g]))
  );
}

function scheduleOf(row: FeeScheduleRow): FeeSchedule {
  return parseJsonColumn('fee_schedules', row.id, row.schedule, isSchedule) as FeeSchedule;
}

/** The schedule in force and its version (the seed's, should the table ever be empty). */
export async function scheduleInForce(
  store: Store,
): Promise<{ version: number; schedule: FeeSchedule; row: FeeScheduleRow | null }> {
  const row = await store.feeSchedules.currentFeeSchedule();
  if (!row) return { version: 0, schedule: SEED_FEE_SCHEDULE, row: null };
  return { version: row.version, schedule: scheduleOf(row), row };
}

function present(row: FeeScheduleRow): FeeScheduleVersion {
  return {
    version: row.version,
    schedule: scheduleOf(row),
    createdAt: row.created_at,
    createdBy: row.created_by,
    incomeClassification: INCOME_CLASSIFICATION,
  };
}

export async function getFeeSchedule(
  store: Store,
  actor: AuditActor | null,
): Promise<FeeScheduleVersion> {
  authorize(actor, 'feeSchedule.edit', {}, 'Only the secretariat reads the fee schedule.');
  const row = await store.feeSchedules.currentFeeSchedule();
  if (!row) {
    return {
      version: 0,
      schedule: SEED_FEE_SCHEDULE,
      createdAt: nowIso(),
      createdBy: 'system',
      incomeClassification: INCOME_CLASSIFICATION,
    };
  }
  return present(row);
}

/** Every problem of a schedule as one 422, each problem at its field. */
function invalidSchedule(problems: ReturnType<typeof validateSchedule>): HttpProblem {
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `The schedule has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
      .map((p) => `${p.pointer.slice(1)}: ${p.detail}`)
      .join('; ')}`,
    problems.map((p) => ({
      pointer: p.pointer,
      detail: p.detail,
      code: p.code,
      ...(p.params ? { params: p.params } : {}),
    })),
    undefined,
    problems[0]?.code ?? 'validation-failed',
    problems[0]?.params,
  );
}

export async function putFeeSchedule(
  store: Store,
  actor: AuditActor,
  body: FeeScheduleBody,
  expected?: ExpectedVersions,
): Promise<FeeScheduleVersion> {
  authorize(actor, 'feeSchedule.edit', {}, 'Only the secretariat changes the fee schedule.');
  const schedule: FeeSchedule = {
    currency: body.currency,
    bands: body.bands,
    fees: body.fees,
    associations: body.associations,
    illustrative: [...new Set(body.illustrative)],
  };
  const problems = validateSchedule(schedule);
  if (problems.length > 0) throw invalidSchedule(problems);
  return store.transaction(async (tx) => {
    const before = await scheduleInForce(tx);
    if (expected !== undefined && !expected.includes(before.version)) throw staleWrite();
    const version = before.version + 1;
    await tx.feeSchedules.insertFeeSchedule({
      version,
      schedule: JSON.stringify(schedule),
      created_at: nowIso(),
      created_by: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'fee-schedule',
      entityId: version,
      summary: `Fee schedule version ${version}`,
      before: before.schedule,
      after: schedule,
    });
    return present((await tx.feeSchedules.currentFeeSchedule()) as FeeScheduleRow);
  });
}

/**
 * The yearly fee an applicant can expect, for anyone to ask (the application form asks before
 * anyone signs in). Only a decided fee is told: where the schedule's value for this member, or
 * the band limits that place it, are still illustrative placeholders, the answer has no
 * amount and says so, and the secretariat confirms the fee with the invoice.
 */
export async function previewFee(store: Store, query: FeePreviewQuery): Promise<FeePreviewAnswer> {
  const { schedule } = await scheduleInForce(store);
  const fee = feeFor(schedule, {
    kind: query.kind,
    country: query.country,
    population: query.population ?? null,
    associationScope: query.associationScope ?? null,
  });
  if (!fee.ok) return { amount: null, currency: schedule.currency, reason: fee.reason };
  const placeholders = new Set(schedule.illustrative);
  const readFrom =
    fee.basis.kind === 'association'
      ? [`/associations/${fee.basis.scope}`]
      : [
          `/fees/${fee.basis.incomeGroup}/${fee.basis.band}`,
          `/bands/${fee.basis.band}/from`,
          `/bands/${fee.basis.band}/to`,
        ];
  if (readFrom.some((pointer) => placeholders.has(pointer))) {
    return { amount: null, currency: fee.currency, reason: 'illustrative' };
  }
  return { amount: fee.amount, currency: fee.currency, reason: null };
}
