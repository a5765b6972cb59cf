import { can, type Subject } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { isForeignKeyViolation } from '../db/constraint-errors';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { presentPeople } from './present';
import type { PersonRow, PositionRow } from './repository';
import type {
  Person,
  PersonCreate,
  PersonPatch,
  Position,
  PositionCreate,
  PositionPatch,
} from './schemas';

/**
 * People as the API shows them. With a reader (null: the public), each address is shown only
 * where the policy lets that reader see the person's contact details (person.readContact);
 * without one, for the services' own use (audit, the answer to the one who wrote it), whole.
 */
async function present(
  store: Store,
  rows: readonly PersonRow[],
  reader?: Actor | null,
): Promise<Person[]> {
  const ids = rows.map((r) => r.id);
  const positions = await store.people.positionsOfPeople(ids);
  const govNames = await store.members.namesOf([
    ...new Set(positions.map((p) => p.government_id).filter((id): id is number => id !== null)),
  ]);
  const people = presentPeople(rows, positions, govNames);
  if (reader === undefined) return people;
  const seats = await store.people.seatGovernmentsOfPeople(ids);
  return people.map((person) => {
    const held = positions.filter((p) => p.person_id === person.id);
    const subject: Subject = {
      positionGovernmentIds: [
        ...new Set(held.map((p) => p.government_id).filter((id): id is number => id !== null)),
      ],
      holdsOfficePosition: held.some((p) => p.office_id !== null),
      seatGovernmentIds: seats.get(person.id) ?? [],
    };
    return can(reader, 'person.readContact', subject) ? person : { ...person, email: null };
  });
}

export async function listPeoplePage(
  store: Store,
  reader: Actor | null,
  filter: { q?: string | undefined; government?: string | undefined },
  page: number,
  pageSize: number,
) {
  const { rows, total } = await store.people.listPeople(filter, page, pageSize);
  return { items: await present(store, rows, reader), total, page, pageSize };
}

async function loadPerson(store: Store, id: number): Promise<Person> {
  const row = await store.people.findPerson(id);
  if (!row) throw notFound('person', `no person ${id}`);
  const [person] = await present(store, [row]);
  return person as Person;
}

/** One person, their address only for a reader the policy lets see it. */
export async function getPerson(store: Store, reader: Actor | null, id: number): Promise<Person> {
  const row = await store.people.findPerson(id);
  if (!row) throw notFound('person', `no person ${id}`);
  const [person] = await present(store, [row], reader);
  return person as Person;
}

/**
 * What the policy reads about a person: where they hold positions and seats. Read inside the
 * caller's transaction, so the answer holds for the change that follows.
 */
export function personSubject(store: Store, personId: number): Promise<Subject> {
  return store.people.whereServes(personId);
}

export async function createPerson(
  store: Store,
  actor: AuditActor,
  input: PersonCreate,
): Promise<Person> {
  authorize(actor, 'person.create', {}, 'Viewers cannot add people.');
  return store.transaction(async (tx) => {
    const now = nowIso();
    const id = await tx.people.insertPerson({
      full_name: input.fullName.trim(),
      names: JSON.stringify(input.names ?? {}),
      email: input.email ?? null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    const person = await loadPerson(tx, id);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      summary: `${person.fullName} added`,
      after: { fullName: person.fullName, names: person.names, email: person.email },
    });
    return person;
  });
}

/**
 * People are the secretariat's to keep. An officer changes a person only when every position
 * the person holds is in the officer's government and every seat they hold is that
 * government's: an address is where invitations and join links go.
 */
export async function updatePerson(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: PersonPatch,
  expected?: ExpectedVersions,
): Promise<Person> {
  return store.transaction(async (tx) => {
    if (!(await tx.people.findPerson(id))) throw notFound('person', `no person ${id}`);
    authorize(
      actor,
      'person.edit',
      await personSubject(tx, id),
      'Only the secretariat or the officer of their government may change this person.',
    );
    // Concurrent changes of the person queue here; each then reads what the one before wrote.
    claimedVersion(await tx.people.claimPersonVersion(id, expected));
    const before = await loadPerson(tx, id);
    await tx.people.updatePerson(id, {
      ...(patch.fullName !== undefined ? { full_name: patch.fullName.trim() } : {}),
      ...(patch.names !== undefined ? { names: JSON.stringify(patch.names) } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      updated_at: nowIso(),
    });
    const after = await loadPerson(tx, id);
    const diff = changedFields(
      { fullName: before.fullName, names: before.names, email: before.email },
      { fullName: after.fullName, names: after.names, email: after.email },
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'person',
      entityId: id,
      summary: `${after.fullName} updated`,
      ...diff,
    });
    return after;
  });
}

export async function deletePerson(store: Store, actor: AuditActor, id: number): Promise<void> {
  authorize(actor, 'person.delete', {}, 'Only administrators delete people.');
  await store.transaction(async (tx) => {
    const before = await loadPerson(tx, id);
    await tx.people.deletePerson(id).catch((error: unknown) => {
      // Seats, invitations, registers and candidacies keep their history: the person stays.
      if (isForeignKeyViolation(error)) {
        throw conflict(
          'person-still-named',
          `${before.fullName} is still named in the records of governing bodies, meetings or elections: end those first.`,
        );
      }
      throw error;
    });
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'person',
      entityId: id,
      summary: `${before.fullName} deleted`,
      before,
    });
  });
}

function checkDates(
  start: string | null | undefined,
  end: string | null | undefined,
  confirmed?: string | null,
) {
  if (start && end && end < start)
    throw invalidField('/endDate', 'end-before-start', 'must not be before the start date');
  // A confirmation is of something known: not of a day still to come, nor before the start.
  // Today is the confirmer's own, which east of Greenwich may be UTC's tomorrow.
  const latest = new Date(Date.parse(nowIso()) + 24 * 3600_000).toISOString().slice(0, 10);
  if (confirmed && confirmed > latest)
    throw invalidField('/confirmedOn', 'confirmed-in-future', 'must not be after today');
  if (confirmed && start && confirmed < start)
    throw invalidField(
      '/confirmedOn',
      'confirmed-before-start',
      'must not be before the start date',
    );
}

/**
 * Records a position. An officer records positions in their own government only, and only for
 * a person who holds none elsewhere (in another government or an office): attaching one to
 * someone else's person would make that person theirs to edit.
 */
export async function createPosition(
  store: Store,
  actor: AuditActor,
  input: PositionCreate,
): Promise<Position> {
  if (!!input.governmentSlug === !!input.officeSlug) {
    throw invalidField(
      '/governmentSlug',
      'government-or-office',
      'give either a government or an office, not both or neither',
    );
  }
  checkDates(input.startDate, input.endDate, input.confirmedOn);
  return store.transaction(async (tx) => {
    const person = await loadPerson(tx, input.personId).catch(() => {
      throw invalidField('/personId', 'unknown-reference', `no person ${input.personId}`, {
        record: 'person',
      });
    });
    const held = await personSubject(tx, person.id);
    let governmentId: number | null = null;
    let officeId: number | null = null;
    if (input.governmentSlug) {
      governmentId = (await tx.members.findGovernmentIdBySlug(input.governmentSlug)) ?? null;
      if (governmentId === null)
        throw invalidField(
          '/governmentSlug',
          'unknown-reference',
          `no government "${input.governmentSlug}"`,
          { record: 'government' },
        );
      authorize(
        actor,
        'position.create',
        { ...held, governmentId },
        actor.governmentId === governmentId
          ? 'This person holds a position elsewhere: only the secretariat adds positions to them.'
          : 'You may record positions only in your own government.',
      );
    } else {
      authorize(
        actor,
        'position.create',
        { ...held, governmentId: null },
        'Only the secretariat records positions in offices.',
      );
      officeId = (await tx.offices.findOfficeIdBySlug(input.officeSlug as string))?.id ?? null;
      if (officeId === null)
        throw invalidField('/officeSlug', 'unknown-reference', `no office "${input.officeSlug}"`, {
          record: 'office',
        });
    }
    const id = await tx.people.insertPosition({
      person_id: person.id,
      government_id: governmentId,
      office_id: officeId,
      title: input.title,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      confirmed_on: input.confirmedOn ?? null,
    });
    const after = (await loadPerson(tx, person.id)).positions.find((p) => p.id === id) as Position;
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'position',
      entityId: id,
      summary: `${person.fullName}: ${input.title} of ${input.governmentSlug ?? input.officeSlug}`,
      after: {
        personId: person.id,
        title: input.title,
        at: input.governmentSlug ?? input.officeSlug,
        startDate: after.startDate,
        endDate: after.endDate,
        confirmedOn: after.confirmedOn,
      },
    });
    return after;
  });
}

async function loadPositionForEdit(tx: Store, actor: AuditActor, id: number) {
  const position = await tx.people.findPosition(id);
  if (!position) throw notFound('position', `no position ${id}`);
  authorize(
    actor,
    'position.edit',
    { governmentId: position.government_id },
    'You may change positions only in your own government.',
  );
  return position;
}

export async function updatePosition(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: PositionPatch,
  expected?: ExpectedVersions,
): Promise<Position> {
  return store.transaction(async (tx) => {
    await loadPositionForEdit(tx, actor, id);
    // Concurrent changes of the position queue here; each then reads what the one before wrote.
    claimedVersion(await tx.people.claimPositionVersion(id, expected));
    const before = (await tx.people.findPosition(id)) as PositionRow;
    const start = patch.startDate !== undefined ? patch.startDate : before.start_date;
    const end = patch.endDate !== undefined ? patch.endDate : before.end_date;
    const confirmed = patch.confirmedOn !== undefined ? patch.confirmedOn : before.confirmed_on;
    // Only a newly given confirmation is checked: one recorded before stays as it was.
    checkDates(start, end, patch.confirmedOn);
    const title = patch.title ?? before.title;
    await tx.people.updatePosition(id, {
      title,
      start_date: start,
      end_date: end,
      confirmed_on: confirmed,
    });
    const diff = changedFields(
      {
        title: before.title,
        startDate: before.start_date,
        endDate: before.end_date,
        confirmedOn: before.confirmed_on,
      },
      { title, startDate: start, endDate: end, confirmedOn: confirmed },
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'position',
      entityId: id,
      summary: `Position ${id} (${title}) updated`,
      ...diff,
    });
    return (await loadPerson(tx, before.person_id)).positions.find((p) => p.id === id) as Position;
  });
}

export async function deletePosition(store: Store, actor: AuditActor, id: number): Promise<void> {
  await store.transaction(async (tx) => {
    const before = await loadPositionForEdit(tx, actor, id);
    await tx.people.deletePosition(id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'position',
      entityId: id,
      summary: `Position ${id} (${before.title}) deleted`,
      before: {
        personId: before.person_id,
        title: before.title,
        startDate: before.start_date,
        endDate: before.end_date,
        confirmedOn: before.confirmed_on,
      },
    });
  });
}
