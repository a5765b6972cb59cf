import { changedFields, recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { nowIso, type Executor } from '../db/types';
import { forbidden, invalidField, notFound } from '../http/problem';
import { findGovernmentIdBySlug, namesOf } from '../members/repository';
import { findOfficeIdBySlug } from '../offices/repository';
import * as repo from './repository';
import type {
  Person,
  PersonCreate,
  PersonPatch,
  Position,
  PositionCreate,
  PositionPatch,
} from './schemas';

type Names = Record<string, string>;

async function present(
  db: Executor,
  rows: { id: number; full_name: string; names: string; email: string | null; is_demo: number }[],
): Promise<Person[]> {
  const positions = await repo.positionsOfPeople(
    db,
    rows.map((r) => r.id),
  );
  const govNames = await namesOf(db, [
    ...new Set(positions.map((p) => p.government_id).filter((id): id is number => id !== null)),
  ]);
  const byPerson = new Map<number, Position[]>();
  for (const p of positions) {
    const names: Names = {};
    for (const n of p.government_id ? (govNames.get(p.government_id) ?? []) : []) {
      if (n.kind === 'name' && n.lang) names[n.lang] = n.name;
    }
    const list = byPerson.get(p.person_id) ?? [];
    list.push({
      id: p.id,
      personId: p.person_id,
      title: p.title as Position['title'],
      government:
        p.government_id && p.government_slug
          ? {
              id: p.government_id,
              slug: p.government_slug,
              names,
              localLang: p.government_local_lang ?? 'en',
            }
          : null,
      office:
        p.office_id && p.office_slug
          ? { id: p.office_id, slug: p.office_slug, name: p.office_name ?? '' }
          : null,
      startDate: p.start_date,
      endDate: p.end_date,
    });
    byPerson.set(p.person_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    names: JSON.parse(r.names) as Names,
    email: r.email,
    isDemo: r.is_demo === 1,
    positions: byPerson.get(r.id) ?? [],
  }));
}

export async function listPeoplePage(
  db: Db,
  filter: { q?: string | undefined; government?: string | undefined },
  page: number,
  pageSize: number,
) {
  const { rows, total } = await repo.listPeople(db.kysely, filter, page, pageSize);
  return { items: await present(db.kysely, rows), total, page, pageSize };
}

async function loadPerson(db: Executor, id: number): Promise<Person> {
  const row = await repo.findPerson(db, id);
  if (!row) throw notFound(`no person ${id}`);
  const [person] = await present(db, [row]);
  return person as Person;
}

export function getPerson(db: Db, id: number): Promise<Person> {
  return loadPerson(db.kysely, id);
}

/** People are the secretariat's to keep; officers edit their own government's holders only. */
function assertMayEditPeople(actor: AuditActor, person?: Person) {
  if (actor.role === 'admin') return;
  if (
    actor.role === 'officer' &&
    person &&
    person.positions.some((p) => p.government?.id === actor.governmentId)
  ) {
    return;
  }
  throw forbidden(
    'Only the secretariat or the officer of their government may change this person.',
  );
}

export async function createPerson(
  db: Db,
  actor: AuditActor,
  input: PersonCreate,
): Promise<Person> {
  if (actor.role !== 'admin' && actor.role !== 'officer')
    throw forbidden('Viewers cannot add people.');
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('people')
      .values({
        full_name: input.fullName.trim(),
        names: JSON.stringify(input.names ?? {}),
        email: input.email ?? null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await loadPerson(trx, row.id);
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'person',
      entityId: row.id,
      summary: `${person.fullName} added`,
      after: { fullName: person.fullName, names: person.names, email: person.email },
    });
    return person;
  });
}

export async function updatePerson(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: PersonPatch,
): Promise<Person> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await loadPerson(trx, id);
    assertMayEditPeople(actor, before);
    await trx
      .updateTable('people')
      .set({
        ...(patch.fullName !== undefined ? { full_name: patch.fullName.trim() } : {}),
        ...(patch.names !== undefined ? { names: JSON.stringify(patch.names) } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await loadPerson(trx, id);
    const diff = changedFields(
      { fullName: before.fullName, names: before.names, email: before.email },
      { fullName: after.fullName, names: after.names, email: after.email },
    );
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'person',
      entityId: id,
      summary: `${after.fullName} updated`,
      ...diff,
    });
    return after;
  });
}

export async function deletePerson(db: Db, actor: AuditActor, id: number): Promise<void> {
  if (actor.role !== 'admin') throw forbidden('Only administrators delete people.');
  await db.kysely.transaction().execute(async (trx) => {
    const before = await loadPerson(trx, id);
    await trx.deleteFrom('positions').where('person_id', '=', id).execute();
    await trx.deleteFrom('people').where('id', '=', id).execute();
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'person',
      entityId: id,
      summary: `${before.fullName} deleted`,
      before,
    });
  });
}

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start)
    throw invalidField('/endDate', 'must not be before the start date');
}

export async function createPosition(
  db: Db,
  actor: AuditActor,
  input: PositionCreate,
): Promise<Position> {
  if (!!input.governmentSlug === !!input.officeSlug) {
    throw invalidField(
      '/governmentSlug',
      'give either a government or an office, not both or neither',
    );
  }
  checkDates(input.startDate, input.endDate);
  return db.kysely.transaction().execute(async (trx) => {
    const person = await loadPerson(trx, input.personId).catch(() => {
      throw invalidField('/personId', `no person ${input.personId}`);
    });
    let governmentId: number | null = null;
    let officeId: number | null = null;
    if (input.governmentSlug) {
      governmentId = (await findGovernmentIdBySlug(trx, input.governmentSlug)) ?? null;
      if (governmentId === null)
        throw invalidField('/governmentSlug', `no government "${input.governmentSlug}"`);
      if (
        actor.role !== 'admin' &&
        !(actor.role === 'officer' && actor.governmentId === governmentId)
      ) {
        throw forbidden('You may record positions only in your own government.');
      }
    } else {
      if (actor.role !== 'admin')
        throw forbidden('Only the secretariat records positions in offices.');
      officeId = (await findOfficeIdBySlug(trx, input.officeSlug as string))?.id ?? null;
      if (officeId === null) throw invalidField('/officeSlug', `no office "${input.officeSlug}"`);
    }
    const row = await trx
      .insertInto('positions')
      .values({
        person_id: person.id,
        government_id: governmentId,
        office_id: officeId,
        title: input.title,
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = (await loadPerson(trx, person.id)).positions.find(
      (p) => p.id === row.id,
    ) as Position;
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'position',
      entityId: row.id,
      summary: `${person.fullName}: ${input.title} of ${input.governmentSlug ?? input.officeSlug}`,
      after: {
        personId: person.id,
        title: input.title,
        at: input.governmentSlug ?? input.officeSlug,
        startDate: after.startDate,
        endDate: after.endDate,
      },
    });
    return after;
  });
}

async function loadPositionForEdit(trx: Executor, actor: AuditActor, id: number) {
  const position = await repo.findPosition(trx, id);
  if (!position) throw notFound(`no position ${id}`);
  const allowed =
    actor.role === 'admin' ||
    (actor.role === 'officer' &&
      position.government_id !== null &&
      position.government_id === actor.governmentId);
  if (!allowed) throw forbidden('You may change positions only in your own government.');
  return position;
}

export async function updatePosition(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: PositionPatch,
): Promise<Position> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await loadPositionForEdit(trx, actor, id);
    const start = patch.startDate !== undefined ? patch.startDate : before.start_date;
    const end = patch.endDate !== undefined ? patch.endDate : before.end_date;
    checkDates(start, end);
    const title = patch.title ?? before.title;
    await trx
      .updateTable('positions')
      .set({ title, start_date: start, end_date: end })
      .where('id', '=', id)
      .execute();
    const diff = changedFields(
      { title: before.title, startDate: before.start_date, endDate: before.end_date },
      { title, startDate: start, endDate: end },
    );
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'position',
      entityId: id,
      summary: `Position ${id} (${title}) updated`,
      ...diff,
    });
    return (await loadPerson(trx, before.person_id)).positions.find((p) => p.id === id) as Position;
  });
}

export async function deletePosition(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const before = await loadPositionForEdit(trx, actor, id);
    await trx.deleteFrom('positions').where('id', '=', id).execute();
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'position',
      entityId: id,
      summary: `Position ${id} (${before.title}) deleted`,
      before: {
        personId: before.person_id,
        title: before.title,
        startDate: before.start_date,
        endDate: before.end_date,
      },
    });
  });
}
