import { isTimeZone } from '../../core/governance';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { notFound, unknownTimeZone } from '../http/problem';
import type { Store } from '../store';
import { presentOffice } from './present';
import type { Office, OfficePatch } from './schemas';

export async function officesOf(
  store: Store,
  region?: string,
): Promise<{ items: Office[]; total: number }> {
  const items = (await store.offices.listOffices(region)).map(presentOffice);
  return { items, total: items.length };
}

export async function getOffice(store: Store, slug: string): Promise<Office> {
  const row = await store.offices.findOffice(slug);
  if (!row) throw notFound('office', `No office "${slug}".`);
  return presentOffice(row);
}

/** The secretariat changes an office: its time zone. */
export async function updateOffice(
  store: Store,
  actor: AuditActor,
  slug: string,
  patch: OfficePatch,
  expected?: ExpectedVersions,
): Promise<Office> {
  authorize(actor, 'office.manage', {}, 'Only the secretariat changes offices.');
  if (patch.timeZone != null && !isTimeZone(patch.timeZone)) {
    throw unknownTimeZone('/timeZone', patch.timeZone);
  }
  return store.transaction(async (tx) => {
    const found = await tx.offices.findOffice(slug);
    if (!found) throw notFound('office', `No office "${slug}".`);
    claimedVersion(await tx.offices.claimOfficeVersion(found.id, expected));
    const timeZone = patch.timeZone === undefined ? found.time_zone : patch.timeZone;
    await tx.offices.updateOffice(found.id, { time_zone: timeZone });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'office',
      entityId: found.id,
      summary: `Changed office ${found.name}`,
      ...changedFields({ timeZone: found.time_zone }, { timeZone }),
    });
    return presentOffice((await tx.offices.findOffice(slug))!);
  });
}
