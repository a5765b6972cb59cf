import { SYSTEM_ADMIN } from '../../audit/service';
import * as bodies from '../../governance/service';
import * as meetings from '../../governance/meeting-service';
import type { MailConfig } from '../../governance/meeting-service';
import type { Db } from '../database';
import { DEMO_REGIONS, EAST_ASIA_REXCOM_2021_2024 } from './data';

/** The regional executive committee of East Asia: the body of the seed article. */
export const DEMO_REXCOM_SLUG = 'east-asia-rexcom';

const REXCOM_EAST_ASIA_NAMES = {
  en: 'East Asia Regional Executive Committee',
  ko: '동아시아 지역집행위원회',
  ja: '東アジア地域執行委員会',
  'zh-Hans': '东亚区域执行委员会',
  'zh-Hant': '東亞區域執行委員會',
};

const DEMO_MEETING_TITLE = {
  en: '2020 East Asia RexCom Meeting',
  ko: '2020 동아시아 지역집행위원회 회의',
  ja: '2020年 東アジア地域執行委員会会議',
  'zh-Hans': '2020年东亚区域执行委员会会议',
  'zh-Hant': '2020年東亞區域執行委員會會議',
};

/** True when the demo network is loaded but its governance is not (a database from before it). */
export async function demoGovernanceMissing(db: Db): Promise<boolean> {
  const demo = await db.kysely
    .selectFrom('governments')
    .where('slug', '=', 'seoul')
    .where('is_demo', '=', 1)
    .select('id')
    .executeTakeFirst();
  const body = await db.kysely.selectFrom('bodies').select('id').executeTakeFirst();
  return !!demo && !body;
}

async function personId(db: Db, fullName: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('people')
    .where('full_name', '=', fullName)
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function governmentId(db: Db, slug: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('governments')
    .where('slug', '=', slug)
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The governing bodies (a RexCom per region, the GexCom and the Council), the East Asia RexCom's
 * 2021–2024 term with its five seats, and its 2020 meeting as the seed article tells it: the
 * agenda in the article's order, the five members present, two of them through proxies. The
 * article gives no clock times or durations: the 14:00–16:00 Seoul time slot is illustrative,
 * and agenda items carry no durations.
 */
export async function seedDemoGovernance(
  db: Db,
  config: MailConfig,
): Promise<{ meetingId: number }> {
  const actor = SYSTEM_ADMIN;
  for (const region of DEMO_REGIONS) {
    const eastAsia = region.slug === EAST_ASIA_REXCOM_2021_2024.region;
    await bodies.createBody(db, actor, {
      slug: `${region.slug}-rexcom`,
      kind: 'rexcom',
      region: region.slug,
      names: eastAsia
        ? REXCOM_EAST_ASIA_NAMES
        : { en: `${region.name} Regional Executive Committee` },
    });
  }
  await bodies.createBody(db, actor, {
    slug: 'gexcom',
    kind: 'gexcom',
    names: {
      en: 'Global Executive Committee',
      ko: '세계집행위원회',
      ja: '世界執行委員会',
      'zh-Hans': '全球执行委员会',
      'zh-Hant': '全球執行委員會',
    },
  });
  await bodies.createBody(db, actor, {
    slug: 'council',
    kind: 'council',
    names: { en: 'Council', ko: '이사회', ja: '評議会', 'zh-Hans': '理事会', 'zh-Hant': '理事會' },
  });

  const rexcom = EAST_ASIA_REXCOM_2021_2024;
  const term = await bodies.createTerm(db, actor, DEMO_REXCOM_SLUG, {
    label: `${rexcom.termStart}–${rexcom.termEnd}`,
    startsOn: `${rexcom.termStart}-01-01`,
    endsOn: `${rexcom.termEnd}-12-31`,
  });
  for (const [i, seat] of rexcom.seats.entries()) {
    await bodies.addSeat(db, actor, term.id, {
      governmentId: await governmentId(db, seat.government),
      personId: await personId(db, seat.principal),
      position: 'member',
      portfolio: seat.portfolio,
      sortOrder: i,
    });
  }

  const gino = await personId(db, 'Gino Van Begin');
  const konrad = await personId(db, 'Konrad Zimmerman');
  const reports = [];
  for (const seat of rexcom.seats) {
    const speaker = await personId(db, seat.proxy ?? seat.principal);
    reports.push({
      kind: 'report' as const,
      title: { en: `Report: ${seat.government}` },
      speakers: [{ personId: speaker, role: seat.proxy ? `proxy of ${seat.principal}` : null }],
    });
  }
  // Report titles name the government by its English name.
  const names = await db.kysely
    .selectFrom('government_names')
    .innerJoin('governments', 'governments.id', 'government_names.government_id')
    .where('government_names.kind', '=', 'name')
    .where(
      'governments.slug',
      'in',
      rexcom.seats.map((s) => s.government),
    )
    .select(['governments.slug', 'government_names.lang', 'government_names.name'])
    .execute();
  for (const [i, seat] of rexcom.seats.entries()) {
    const title: Record<string, string> = {};
    for (const n of names.filter((x) => x.slug === seat.government)) {
      if (n.lang) title[n.lang] = n.name;
    }
    const report = reports[i];
    if (report) report.title = { en: title.en ?? seat.government, ...title };
  }

  const meeting = await meetings.createMeeting(db, actor, {
    body: DEMO_REXCOM_SLUG,
    title: DEMO_MEETING_TITLE,
    format: 'online',
    start: '2020-11-26T14:00',
    end: '2020-11-26T16:00',
    timeZone: 'Asia/Seoul',
    venue: null,
    joinUrl: null,
    agenda: [
      {
        kind: 'opening-remark',
        title: {
          en: 'Opening remark',
          ko: '개회사',
          ja: '開会の挨拶',
          'zh-Hans': '开幕致辞',
          'zh-Hant': '開幕致辭',
        },
        speakers: [{ personId: gino, role: 'Secretary General, live' }],
      },
      {
        kind: 'report',
        title: {
          en: 'Reports of the members',
          ko: '회원 도시 보고',
          ja: '会員都市の報告',
          'zh-Hans': '会员城市报告',
          'zh-Hant': '會員城市報告',
        },
        children: reports,
      },
      {
        kind: 'update',
        title: {
          en: 'Updates from the advisory members and the offices',
          ko: '자문위원 및 사무소 활동 보고',
          ja: '顧問会員と事務所からの報告',
          'zh-Hans': '顾问成员与办事处工作汇报',
          'zh-Hant': '顧問成員與辦事處工作匯報',
        },
      },
      {
        kind: 'update',
        title: {
          en: 'Secretariat plans: CBD COP15 in Kunming and the clean-air cities network',
          ko: '사무국 계획: 쿤밍 CBD COP15 및 청정대기 도시 네트워크',
          ja: '事務局の計画：昆明でのCBD COP15と大気浄化都市ネットワーク',
          'zh-Hans': '秘书处计划：昆明《生物多样性公约》COP15与清洁空气城市网络',
          'zh-Hant': '秘書處計畫：昆明《生物多樣性公約》COP15與清潔空氣城市網絡',
        },
      },
      {
        kind: 'closing-remark',
        title: {
          en: 'Closing remark',
          ko: '폐회사',
          ja: '閉会の挨拶',
          'zh-Hans': '闭幕致辞',
          'zh-Hant': '閉幕致辭',
        },
        speakers: [{ personId: konrad, role: 'founding director' }],
      },
    ],
  });
  const id = meeting.id;
  await meetings.setMeetingStatus(db, actor, id, 'scheduled');
  const invited = await meetings.invite(db, config, actor, id, {
    seats: true,
  });
  for (const inv of invited.items) {
    const seat = rexcom.seats.find((s) => s.government === inv.government?.slug);
    if (!seat) continue;
    await meetings.reply(db, actor, inv.id, {
      reply: seat.proxy ? 'proxy' : 'attending',
      proxyPersonId: seat.proxy ? await personId(db, seat.proxy) : null,
    });
  }
  await meetings.setMeetingStatus(db, actor, id, 'in-progress');
  for (const seat of rexcom.seats) {
    await meetings.addAttendance(db, actor, id, {
      governmentId: await governmentId(db, seat.government),
      personId: await personId(db, seat.proxy ?? seat.principal),
      capacity: seat.proxy ? 'proxy' : 'own-right',
      principalPersonId: seat.proxy ? await personId(db, seat.principal) : null,
      mode: 'online',
    });
  }
  for (const person of [gino, konrad]) {
    await meetings.addAttendance(db, actor, id, {
      personId: person,
      capacity: 'adviser',
      mode: 'online',
    });
  }
  await meetings.setMeetingStatus(db, actor, id, 'closed');
  await db.kysely.updateTable('meetings').set({ is_demo: 1 }).where('id', '=', id).execute();
  await db.kysely.updateTable('bodies').set({ is_demo: 1 }).execute();
  return { meetingId: id };
}
