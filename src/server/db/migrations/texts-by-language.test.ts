import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import type { StoreDb as Db } from '../../store';
import { migrateToLatest } from '../migrate';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_climate';
import * as m0003 from './0003_governance';

/**
 * Migration 0022 on rows written before it: an office, a climate target and action and an agenda
 * speaker get an empty object of texts by language, keep their one text, and the repositories
 * then write and read the translations on both databases.
 */
describe.each(dialectCases())(
  'migration 0022 (texts by language) on $label',
  ({ dialect, skip }) => {
    const it_ = skip ? it.skip : it;
    let db: Db;
    let drop: () => Promise<void>;
    const now = '2024-05-01T00:00:00.000Z';
    const ids = { office: 0, target: 0, action: 0, item: 0 };

    beforeAll(async () => {
      if (skip) return;
      ({ db, drop } = await freshDatabase(dialect));
      const before: Record<string, Migration> = {
        '0001_foundation': m0001,
        '0002_climate': m0002,
        '0003_governance': m0003,
      };
      const result = await new Migrator({
        db: db.kysely,
        provider: { getMigrations: () => Promise.resolve(before) },
      }).migrateToLatest();
      expect(result.error).toBeUndefined();
      await seed();
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await drop?.();
    });

    async function seed() {
      const k = db.kysely;
      const region = await k
        .insertInto('regions')
        .values({ slug: 'east-asia', name: 'East Asia', sort_order: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const office = await k
        .insertInto('offices')
        .values({
          slug: 'korea-office',
          region_id: region.id,
          kind: 'country-office',
          name: 'Korea Office',
          address: 'Suwon',
          city: 'Suwon',
          country: 'KR',
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const gov = await k
        .insertInto('governments')
        .values({
          slug: 'suwon',
          kind: 'city',
          country: 'KR',
          region_id: region.id,
          local_lang: 'ko',
          is_demo: 0,
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const target = await k
        .insertInto('climate_targets')
        .values({
          government_id: gov.id,
          type: 'fixed-level',
          title: 'Carbon neutral by 2050',
          status: 'declaration',
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const action = await k
        .insertInto('climate_actions')
        .values({
          government_id: gov.id,
          title: 'Eco-mobility programme',
          status: 'in-progress',
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const meeting = await k
        .insertInto('meetings')
        .values({
          uid: 'm-1@accord',
          title: JSON.stringify({ en: 'Meeting' }),
          format: 'online',
          status: 'closed',
          starts_at: now,
          ends_at: now,
          time_zone: 'Asia/Seoul',
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const item = await k
        .insertInto('agenda_items')
        .values({
          meeting_id: meeting.id,
          position: 0,
          kind: 'opening-remark',
          title: JSON.stringify({ en: 'Opening remark' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('agenda_speakers')
        .values({
          agenda_item_id: item.id,
          name: 'Gino Van Begin',
          role: 'Secretary General',
          position: 0,
        })
        .execute();
      Object.assign(ids, {
        office: office.id,
        target: target.id,
        action: action.id,
        item: item.id,
      });
    }

    it_('gives the rows from before it an empty object of texts and keeps their text', async () => {
      const [office] = await db.offices.listOffices();
      expect(office).toMatchObject({ name: 'Korea Office', names: '{}' });
      expect(await db.climate.findTarget(ids.target)).toMatchObject({
        title: 'Carbon neutral by 2050',
        titles: '{}',
      });
      expect(await db.climate.findAction(ids.action)).toMatchObject({
        title: 'Eco-mobility programme',
        titles: '{}',
      });
      const [speaker] = await db.governance.speakersOf([ids.item]);
      expect(speaker).toMatchObject({ role: 'Secretary General', roles: '{}' });
    });

    it_('writes and reads the translations through the owners’ writers', async () => {
      const titles = JSON.stringify({ en: 'Carbon neutral by 2050', ko: '2050 탄소중립' });
      await db.climate.updateTarget(ids.target, { titles });
      await db.climate.updateTargetsById([
        { id: ids.target, values: { titles, updated_at: '2024-05-02T00:00:00.000Z' } },
      ]);
      expect((await db.climate.findTarget(ids.target))?.titles).toBe(titles);
      await db.climate.updateAction(ids.action, { titles: JSON.stringify({ ko: '생태교통' }) });
      expect(JSON.parse((await db.climate.findAction(ids.action))?.titles ?? '')).toEqual({
        ko: '생태교통',
      });
      await db.governance.insertSpeakers([
        {
          agenda_item_id: ids.item,
          name: 'Konrad Zimmerman',
          role: 'founding director',
          roles: JSON.stringify({ ja: '創設ディレクター' }),
          position: 1,
        },
      ]);
      const speakers = await db.governance.speakersOf([ids.item]);
      expect(JSON.parse(speakers[1]?.roles ?? '')).toEqual({ ja: '創設ディレクター' });
    });
  },
);
