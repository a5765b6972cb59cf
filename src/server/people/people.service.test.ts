import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../test/setup/databases';
import type { AuditActor } from '../audit/service';
import { bootstrapDatabase } from '../setup/bootstrap';
import type { StoreDb } from '../store';
import {
  createPerson,
  createPosition,
  deletePerson,
  deletePosition,
  getPerson,
  personSubject,
  updatePerson,
  updatePosition,
} from './service';

/** The people service without HTTP: who may record positions and change people. */
describe.each(dialectCases())('people service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let db: StoreDb;
  let drop: () => Promise<void>;
  let ids: Record<'suwon' | 'seoul' | 'kyoto', number>;
  const admin: AuditActor = { userId: 9001, role: 'admin', governmentId: null, label: 'admin' };
  let suwon: AuditActor;
  let seoul: AuditActor;
  const viewer: AuditActor = { userId: 9004, role: 'viewer', governmentId: null, label: 'viewer' };

  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
    const idOf = async (slug: string) => (await db.members.findGovernmentIdBySlug(slug)) as number;
    ids = { suwon: await idOf('suwon'), seoul: await idOf('seoul'), kyoto: await idOf('kyoto') };
    suwon = { userId: 9002, role: 'officer', governmentId: ids.suwon, label: 'suwon officer' };
    seoul = { userId: 9003, role: 'officer', governmentId: ids.seoul, label: 'seoul officer' };
  });
  afterAll(async () => {
    await drop?.();
  });

  const auditCount = async () =>
    Number(
      (
        await db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A person with positions in the given governments, recorded by the secretariat. */
  const personIn = async (fullName: string, ...slugs: ('suwon' | 'seoul' | 'kyoto')[]) => {
    const person = await createPerson(db, admin, { fullName });
    for (const slug of slugs) {
      await createPosition(db, admin, {
        personId: person.id,
        governmentSlug: slug,
        title: 'staff-liaison',
      });
    }
    return person.id;
  };

  it_('lets an officer record, change and remove their own people and positions', async () => {
    const person = await createPerson(db, suwon, { fullName: 'Own Liaison' });
    const position = await createPosition(db, suwon, {
      personId: person.id,
      governmentSlug: 'suwon',
      title: 'staff-liaison',
    });
    expect(position.government?.slug).toBe('suwon');
    const changed = await updatePerson(db, suwon, person.id, { email: 'own@suwon.example' });
    expect(changed.email).toBe('own@suwon.example');
    const ended = await updatePosition(db, suwon, position.id, { endDate: '2031-01-01' });
    expect(ended.endDate).toBe('2031-01-01');
    await deletePosition(db, suwon, position.id);
    expect((await getPerson(db, admin, person.id)).positions).toEqual([]);
  });

  it_("refuses a position of the officer's government on another government's person", async () => {
    const other = await personIn('Seoul Staff', 'seoul');
    const entries = await auditCount();
    await expect(
      createPosition(db, suwon, { personId: other, governmentSlug: 'suwon', title: 'mayor' }),
    ).rejects.toMatchObject({ status: 403, detail: expect.stringMatching(/elsewhere/) });
    await expect(
      updatePerson(db, suwon, other, { email: 'officer@suwon.example' }),
    ).rejects.toMatchObject({ status: 403 });
    const person = await getPerson(db, admin, other);
    expect(person.positions.map((p) => p.government?.slug)).toEqual(['seoul']);
    expect(person.email).toBeNull();
    expect(await auditCount()).toBe(entries);
    // Seoul's own officer still may.
    await createPosition(db, seoul, { personId: other, governmentSlug: 'seoul', title: 'mayor' });
    expect((await updatePerson(db, seoul, other, { email: 'staff@seoul.example' })).email).toBe(
      'staff@seoul.example',
    );
  });

  it_('refuses positions in another government or in an office to officers', async () => {
    const own = await personIn('Suwon Only', 'suwon');
    await expect(
      createPosition(db, suwon, { personId: own, governmentSlug: 'kyoto', title: 'mayor' }),
    ).rejects.toMatchObject({
      status: 403,
      detail: 'You may record positions only in your own government.',
    });
    const office = await db.kysely.selectFrom('offices').select('slug').executeTakeFirstOrThrow();
    await expect(
      createPosition(db, suwon, { personId: own, officeSlug: office.slug, title: 'staff-liaison' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createPosition(db, viewer, { personId: own, governmentSlug: 'suwon', title: 'mayor' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it_('lets only the secretariat change a person who serves two governments', async () => {
    const shared = await personIn('Shared Staff', 'suwon', 'kyoto');
    expect(await personSubject(db, shared)).toMatchObject({
      positionGovernmentIds: expect.arrayContaining([ids.suwon, ids.kyoto]),
      holdsOfficePosition: false,
      seatGovernmentIds: [],
    });
    await expect(updatePerson(db, suwon, shared, { fullName: 'Renamed' })).rejects.toMatchObject({
      status: 403,
    });
    expect((await updatePerson(db, admin, shared, { fullName: 'Renamed' })).fullName).toBe(
      'Renamed',
    );
  });

  it_('refuses to add to or change a person who holds an office position', async () => {
    const person = await createPerson(db, admin, { fullName: 'Office Clerk' });
    const office = await db.kysely.selectFrom('offices').select('slug').executeTakeFirstOrThrow();
    await createPosition(db, admin, {
      personId: person.id,
      officeSlug: office.slug,
      title: 'staff-liaison',
    });
    expect((await personSubject(db, person.id)).holdsOfficePosition).toBe(true);
    await expect(
      createPosition(db, suwon, { personId: person.id, governmentSlug: 'suwon', title: 'mayor' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it_("keeps a seat held for another government out of the officer's hands", async () => {
    const delegate = await personIn('Seated Delegate', 'suwon');
    expect((await updatePerson(db, suwon, delegate, { email: 'a@suwon.example' })).email).toBe(
      'a@suwon.example',
    );
    const seat = await db.kysely
      .selectFrom('seats')
      .where('government_id', '!=', ids.suwon)
      .select(['id', 'government_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('seats')
      .set({ person_id: delegate })
      .where('id', '=', seat.id)
      .execute();
    expect((await personSubject(db, delegate)).seatGovernmentIds).toEqual([seat.government_id]);
    await expect(
      updatePerson(db, suwon, delegate, { email: 'b@suwon.example' }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await getPerson(db, admin, delegate)).email).toBe('a@suwon.example');
    expect((await updatePerson(db, admin, delegate, { email: 'c@example.org' })).email).toBe(
      'c@example.org',
    );
  });

  it_("refuses an officer's position on someone seated for another government", async () => {
    // Without this, a position of the officer's own would make the seat holder theirs to edit.
    const seated = await createPerson(db, admin, { fullName: 'Seated Elsewhere' });
    const seat = await db.kysely
      .selectFrom('seats')
      .where('government_id', '!=', ids.suwon)
      .select(['id', 'government_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('seats')
      .set({ person_id: seated.id })
      .where('id', '=', seat.id)
      .execute();
    await expect(
      createPosition(db, suwon, { personId: seated.id, governmentSlug: 'suwon', title: 'mayor' }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await personSubject(db, seated.id)).positionGovernmentIds).toEqual([]);
  });

  it_('leaves adding people to officers and removing them to the secretariat', async () => {
    await expect(createPerson(db, viewer, { fullName: 'Nobody' })).rejects.toMatchObject({
      status: 403,
      detail: 'Viewers cannot add people.',
    });
    const own = await personIn('Leaving Soon', 'suwon');
    await expect(deletePerson(db, suwon, own)).rejects.toMatchObject({ status: 403 });
    await deletePerson(db, admin, own);
    await expect(getPerson(db, admin, own)).rejects.toMatchObject({ status: 404 });
    const positions = await db.kysely
      .selectFrom('positions')
      .where('person_id', '=', own)
      .select('id')
      .execute();
    expect(positions).toEqual([]);
  });
  it_('refuses to delete someone still named in the records, and says so', async () => {
    const seat = await db.kysely
      .selectFrom('seats')
      .where('person_id', 'is not', null)
      .select('person_id')
      .executeTakeFirstOrThrow();
    const seated = seat.person_id as number;
    await expect(deletePerson(db, admin, seated)).rejects.toMatchObject({
      status: 409,
      detail: expect.stringMatching(/still named/),
    });
    // Nothing half-done: the person and their positions are all still there.
    expect((await getPerson(db, admin, seated)).fullName).toBeTruthy();
  });
});
