import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { actionsOf, createAction, deleteAction, targetsOf, updateAction } from './service';
import { auditOf, climateWorld, type ClimateWorld } from './test-support';

/**
 * The action service without HTTP, on both databases: actions serve targets of their own
 * government only, end after they start, and are changed by their government and the
 * secretariat, each change a version.
 */

describe.each(dialectCases())('action service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let w: ClimateWorld;
  beforeAll(async () => {
    if (!skip) w = await climateWorld(dialect);
  });
  afterAll(async () => {
    await w?.drop();
  });

  it_('links actions to targets of the same government only', async () => {
    const [kyotoTarget] = await targetsOf(w.db, 'kyoto');
    const [taipeiTarget] = await targetsOf(w.db, 'new-taipei');
    if (!kyotoTarget || !taipeiTarget) throw new Error('the demo has targets of both');
    await expect(
      createAction(w.db, w.admin, 'kyoto', {
        title: 'Borrowed target',
        status: 'planned',
        targetIds: [kyotoTarget.id, taipeiTarget.id],
      }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [
        {
          pointer: '/targetIds/1',
          detail: `target ${taipeiTarget.id} is not a target of this government`,
        },
      ],
    });
    await expect(
      createAction(w.db, w.admin, 'kyoto', {
        title: 'Backwards',
        status: 'planned',
        startDate: '2030-01-01',
        endDate: '2029-12-31',
      }),
    ).rejects.toMatchObject({ errors: [{ pointer: '/endDate' }] });

    const action = await createAction(w.db, w.officer('kyoto'), 'kyoto', {
      title: '  Bicycle lanes ',
      status: 'in-progress',
      sector: 'II',
      sdgs: [13, 11, 3],
      coBenefits: ['health'],
      targetIds: [kyotoTarget.id],
    });
    expect(action).toMatchObject({
      title: 'Bicycle lanes',
      sdgs: [3, 11, 13],
      coBenefits: ['health'],
      targetIds: [kyotoTarget.id],
      version: 1,
    });
    // A change of dates is checked against the stored other date.
    await expect(
      updateAction(w.db, w.admin, action.id, { startDate: '2030-01-01', endDate: '2020-01-01' }),
    ).rejects.toMatchObject({ errors: [{ pointer: '/endDate' }] });
  });

  it_('keeps actions their government’s to change, each change a version', async () => {
    const action = await createAction(w.db, w.officer('suwon'), 'suwon', {
      title: 'Tree planting',
      status: 'planned',
    });
    await expect(
      updateAction(w.db, w.officer('seoul'), action.id, { status: 'cancelled' }),
    ).rejects.toMatchObject({ status: 403 });
    const done = await updateAction(w.db, w.officer('suwon'), action.id, {
      status: 'completed',
      endDate: '2024-06-30',
    });
    expect(done).toMatchObject({ status: 'completed', endDate: '2024-06-30', version: 2 });
    expect((await actionsOf(w.db, 'suwon')).find((a) => a.id === action.id)).toEqual(done);
    const versions = await w.db.climate.listVersions('action', action.id);
    expect(versions.map((v) => JSON.parse(v.snapshot ?? 'null'))).toEqual([done, action]);

    await expect(deleteAction(w.db, w.viewer, action.id)).rejects.toMatchObject({ status: 403 });
    await deleteAction(w.db, w.admin, action.id);
    expect((await actionsOf(w.db, 'suwon')).map((a) => a.id)).not.toContain(action.id);
    expect((await auditOf(w.db, 'action', action.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });
});
