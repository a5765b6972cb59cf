import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../core/locales';
import { demoDatabase } from '../../../../test/setup/demo-store';
import { actionsOf } from '../../climate/action-service';
import { targetsOf } from '../../climate/target-service';
import { getBody, getMeeting, listBodies, listMeetings } from '../../governance/service';
import { officesOf } from '../../offices/service';
import type { StoreDb as Db } from '../../store';
import { DEMO_GOVERNMENTS } from './data';
import { DEMO_REXCOM_SLUG } from './governance';

/**
 * Every text of the demo that a reader sees by language is there in each of Accord's five, so
 * no view of the demo looks half translated: bodies (names, descriptions), offices, climate
 * targets and actions (titles) and the speakers' roles on the meeting's agenda.
 */

/** The languages a text lacks (blank counts as missing). */
const missing = (texts: Partial<Record<string, string>>): string[] =>
  LOCALES.filter((lang) => !texts[lang]?.trim());

describe('the demo in five languages', () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await demoDatabase('sqlite'));
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('names and describes every governing body in every language', async () => {
    const bodies = await listBodies(db);
    expect(bodies.length).toBeGreaterThanOrEqual(11);
    for (const summary of bodies) {
      const body = await getBody(db, summary.slug);
      expect({ body: body.slug, names: missing(body.names) }).toEqual({
        body: body.slug,
        names: [],
      });
      expect({ body: body.slug, description: missing(body.description) }).toEqual({
        body: body.slug,
        description: [],
      });
    }
  });

  it('names every office in every language, the English name being its own', async () => {
    const { items } = await officesOf(db);
    expect(items).toHaveLength(15);
    for (const office of items) {
      expect({ office: office.slug, missing: missing(office.names) }).toEqual({
        office: office.slug,
        missing: [],
      });
      expect(office.names.en).toBe(office.name);
    }
    const korea = items.find((o) => o.slug === 'korea-office');
    expect(korea?.names.ko).toBe('한국 사무소');
  });

  it('titles every climate target and action in every language', async () => {
    let targets = 0;
    let actions = 0;
    for (const gov of DEMO_GOVERNMENTS) {
      for (const t of await targetsOf(db, gov.slug)) {
        targets += 1;
        expect({ target: t.title, missing: missing(t.titles) }).toEqual({
          target: t.title,
          missing: [],
        });
        expect(t.titles.en).toBe(t.title);
      }
      for (const a of await actionsOf(db, gov.slug)) {
        actions += 1;
        expect({ action: a.title, missing: missing(a.titles) }).toEqual({
          action: a.title,
          missing: [],
        });
      }
    }
    expect(targets).toBe(3);
    expect(actions).toBe(4);
    const [coalFree] = await targetsOf(db, 'new-taipei');
    expect(coalFree?.titles['zh-Hant']).toBe('2023年前達成無煤');
  });

  it('gives every speaker’s role on the meeting’s agenda in every language', async () => {
    const { items } = await listMeetings(db, { body: DEMO_REXCOM_SLUG }, null);
    expect(items).toHaveLength(1);
    const meeting = await getMeeting(db, (items[0] as { id: number }).id, null);
    const speakers = meeting.agenda.flatMap((item) => item.speakers);
    const roles = speakers.filter((s) => s.role !== null);
    // The Secretary General, the founding director and the two proxies.
    expect(roles).toHaveLength(4);
    for (const s of roles) {
      expect({ role: s.role, missing: missing(s.roles) }).toEqual({ role: s.role, missing: [] });
    }
    expect(roles.map((s) => s.roles.ko)).toContain('염태영 시장의 대리인');
  });
});
