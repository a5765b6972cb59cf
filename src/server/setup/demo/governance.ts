import { SYSTEM_ADMIN } from '../../audit/service';
import * as governance from '../../governance/service';
import type { MailConfig } from '../../governance/service';
import * as news from '../../news/service';
import type { StoreDb as Db } from '../../store';
import { DEMO_GOVERNMENTS, DEMO_REGIONS, EAST_ASIA_REXCOM_2021_2024 } from './data';
import {
  DEMO_COUNCIL_DESCRIPTION,
  DEMO_COUNCIL_NAMES,
  DEMO_GEXCOM_DESCRIPTION,
  DEMO_GEXCOM_NAMES,
  DEMO_REXCOM_DESCRIPTION,
  DEMO_REXCOM_NAMES,
  DEMO_SPEAKER_ROLES,
  inEveryLanguage,
} from './translations';

/** The regional executive committee of East Asia: the body of the seed article. */
export const DEMO_REXCOM_SLUG = 'east-asia-rexcom';

const DEMO_MEETING_TITLE = {
  en: '2020 East Asia RexCom Meeting',
  ko: '2020 동아시아 지역집행위원회 회의',
  ja: '2020年 東アジア地域執行委員会会議',
  'zh-Hans': '2020年东亚区域执行委员会会议',
  'zh-Hant': '2020年東亞區域執行委員會會議',
};

/**
 * The demo's news post about the 2020 meeting, written for Accord (not taken from the article):
 * what the meeting was, who spoke and what the members reported, in the five languages.
 */
const DEMO_POST = {
  en: {
    title: 'East Asia RexCom meets online for the first time',
    summary:
      'The executive committee elected for 2021–2024 held its 2020 meeting by video: five member cities reported, two of them through proxies.',
    bodyHtml:
      '<p>The East Asia Regional Executive Committee, newly elected for 2021–2024, held its 2020 meeting online on 26 November. The Secretary General, Gino Van Begin, opened it live.</p>' +
      '<h2>What the members reported</h2>' +
      '<ul><li><strong>Kyoto</strong>: on its way to zero emissions by 2050, with the 1.5 °C lifestyles campaign and a revised countermeasures ordinance.</li>' +
      '<li><strong>Seoul</strong>, represented by Director General Min Kwon as proxy of Acting Mayor Jeong Hyup Seo: its Green New Deal of July 2020 and a 2050 strategy.</li>' +
      '<li><strong>Suwon</strong>, represented by Vice Mayor Moo Young Jo as proxy of Mayor Tae-Young Yeom: eco-mobility, and a call for national carbon neutrality by 2050.</li>' +
      '<li><strong>Changchun</strong>, the first Chinese city on the committee, takes the circular development portfolio and has joined the green circular cities coalition.</li>' +
      '<li><strong>New Taipei</strong> has completed a Voluntary Local Review and plans to be coal-free by 2023.</li></ul>' +
      '<p>The advisory members and the offices reported on their year; the secretariat set out its plans for CBD COP15 in Kunming and for the clean-air cities network. Konrad Zimmerman, founding director of the secretariat, closed the meeting.</p>',
  },
  ko: {
    title: '동아시아 지역집행위원회, 첫 온라인 회의 개최',
    summary:
      '2021–2024년 임기로 선출된 집행위원회가 2020년 회의를 화상으로 열었습니다. 다섯 회원 도시가 보고했으며, 그중 두 도시는 대리인이 참석했습니다.',
    bodyHtml:
      '<p>2021–2024년 임기로 새로 선출된 동아시아 지역집행위원회가 11월 26일 2020년 회의를 온라인으로 개최했습니다. 지노 반 베긴 사무총장이 실시간으로 개회사를 했습니다.</p>' +
      '<h2>회원 도시 보고</h2>' +
      '<ul><li><strong>교토</strong>: 2050년 배출 제로를 목표로 1.5 °C 라이프스타일 캠페인과 대책 조례 개정을 추진하고 있습니다.</li>' +
      '<li><strong>서울</strong>: 서정협 시장 권한대행의 대리인으로 권민 국장이 참석해 2020년 7월의 그린뉴딜과 2050 전략을 소개했습니다.</li>' +
      '<li><strong>수원</strong>: 염태영 시장의 대리인으로 조무영 부시장이 참석해 생태교통과 2050 국가 탄소중립 촉구를 전했습니다.</li>' +
      '<li><strong>창춘</strong>: 위원회 최초의 중국 도시로 순환 발전 분야를 맡고, 녹색 순환 도시 연합에 가입했습니다.</li>' +
      '<li><strong>신베이</strong>: 자발적 지역 검토(VLR)를 마쳤으며 2023년까지 탈석탄을 계획하고 있습니다.</li></ul>' +
      '<p>자문위원과 사무소들이 한 해의 활동을 보고했고, 사무국은 쿤밍 CBD COP15와 청정대기 도시 네트워크 계획을 밝혔습니다. 사무국의 창립 대표 콘라드 지머만이 폐회사를 했습니다.</p>',
  },
  ja: {
    title: '東アジア地域執行委員会、初のオンライン会議',
    summary:
      '2021–2024年の任期で選ばれた執行委員会が2020年の会議をオンラインで開催し、5つの会員都市が報告しました（うち2都市は代理人が出席）。',
    bodyHtml:
      '<p>2021–2024年の任期で新たに選出された東アジア地域執行委員会は、11月26日に2020年の会議をオンラインで開催しました。ジーノ・ヴァン・ベギン事務総長がライブで開会の挨拶を行いました。</p>' +
      '<h2>会員都市の報告</h2>' +
      '<ul><li><strong>京都市</strong>：2050年の排出ゼロに向け、1.5℃ライフスタイルのキャンペーンと対策条例の改正に取り組んでいます。</li>' +
      '<li><strong>ソウル</strong>：徐正協市長権限代行の代理として権珉局長が出席し、2020年7月のグリーン・ニューディールと2050年戦略を紹介しました。</li>' +
      '<li><strong>水原市</strong>：廉泰英市長の代理として趙武泳副市長が出席し、エコモビリティと2050年の国のカーボンニュートラルへの呼びかけを報告しました。</li>' +
      '<li><strong>長春市</strong>：委員会初の中国の都市として循環型発展を担当し、グリーン循環都市連合に参加しました。</li>' +
      '<li><strong>新北市</strong>：自発的地域レビュー（VLR）を完了し、2023年までの脱石炭を計画しています。</li></ul>' +
      '<p>顧問会員と各事務所が一年の活動を報告し、事務局は昆明でのCBD COP15と大気浄化都市ネットワークの計画を示しました。事務局の創設ディレクター、コンラッド・ツィマーマンが閉会の挨拶を行いました。</p>',
  },
  'zh-Hans': {
    title: '东亚区域执行委员会首次在线召开会议',
    summary:
      '2021–2024年任期的执行委员会以视频方式召开2020年会议，五个会员城市作了报告，其中两个城市由代理人出席。',
    bodyHtml:
      '<p>新当选的2021–2024年任期东亚区域执行委员会于11月26日在线召开2020年会议。秘书长吉诺·范·贝金现场致开幕辞。</p>' +
      '<h2>会员城市报告</h2>' +
      '<ul><li><strong>京都</strong>：朝着2050年零排放目标推进1.5°C生活方式活动，并修订应对气候变暖条例。</li>' +
      '<li><strong>首尔</strong>：权珉局长作为代理市长徐正协的代理人出席，介绍了2020年7月的绿色新政和2050战略。</li>' +
      '<li><strong>水原</strong>：副市长赵武泳作为市长廉泰英的代理人出席，介绍了生态交通，并呼吁国家在2050年实现碳中和。</li>' +
      '<li><strong>长春</strong>：作为首个进入委员会的中国城市，负责循环发展领域，并加入了绿色循环城市联盟。</li>' +
      '<li><strong>新北</strong>：已完成自愿地方审查，计划在2023年前实现无煤。</li></ul>' +
      '<p>顾问成员和各办事处汇报了一年的工作；秘书处介绍了在昆明举行的《生物多样性公约》COP15以及清洁空气城市网络的计划。秘书处创始主任康拉德·齐默尔曼致闭幕辞。</p>',
  },
  'zh-Hant': {
    title: '東亞區域執行委員會首次線上召開會議',
    summary:
      '2021–2024年任期的執行委員會以視訊方式召開2020年會議，五個會員城市提出報告，其中兩個城市由代理人出席。',
    bodyHtml:
      '<p>新當選的2021–2024年任期東亞區域執行委員會於11月26日線上召開2020年會議。秘書長吉諾·范·貝金現場致開幕辭。</p>' +
      '<h2>會員城市報告</h2>' +
      '<ul><li><strong>京都</strong>：朝2050年零排放目標推動1.5°C生活方式活動，並修訂因應暖化條例。</li>' +
      '<li><strong>首爾</strong>：權珉局長以代理市長徐正協之代理人身分出席，介紹2020年7月的綠色新政與2050策略。</li>' +
      '<li><strong>水原</strong>：副市長趙武泳以市長廉泰英之代理人身分出席，介紹生態交通，並呼籲國家於2050年達成碳中和。</li>' +
      '<li><strong>長春</strong>：作為首個進入委員會的中國城市，負責循環發展領域，並加入綠色循環城市聯盟。</li>' +
      '<li><strong>新北</strong>：已完成自願地方檢視，計畫於2023年前達成無煤。</li></ul>' +
      '<p>顧問成員與各辦事處報告一年的工作；秘書處說明在昆明舉行的《生物多樣性公約》COP15與潔淨空氣城市網絡的計畫。秘書處創始主任康拉德·齊默曼致閉幕辭。</p>',
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const shift = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/**
 * When each step of a past meeting happened, told from its own dates rather than the day the
 * demo was loaded: the seats filled six weeks before, the meeting entered five, the invitations
 * sent four, each seat's reply in the weeks after (the n-th two days after the one before, the
 * last a week before the meeting), the register kept in the meeting's first minutes, and the
 * meeting closed at its end.
 */
export function demoMeetingTimeline(
  startsAt: string,
  endsAt: string,
  replies: number,
): {
  seatsFilled: string;
  created: string;
  invited: string;
  replied: string[];
  recorded: (i: number) => string;
  closed: string;
} {
  return {
    seatsFilled: shift(startsAt, -42 * DAY_MS),
    created: shift(startsAt, -35 * DAY_MS),
    invited: shift(startsAt, -28 * DAY_MS),
    replied: Array.from({ length: replies }, (_, i) =>
      shift(startsAt, -(7 + 2 * (replies - 1 - i)) * DAY_MS),
    ),
    recorded: (i) => shift(startsAt, i * 60_000),
    closed: endsAt,
  };
}

/** True when the demo network is loaded but its governance is not (a database from before it). */
export async function demoGovernanceMissing(db: Db): Promise<boolean> {
  const seoul = await db.members.findGovernmentBySlug('seoul');
  if (Number(seoul?.is_demo) !== 1) return false;
  return (await db.governance.listBodies()).length === 0;
}

/**
 * The 2020 meeting's records dated by the meeting, not by the day the demo was loaded: its
 * replies before it, its register during it (see demoMeetingTimeline).
 */
async function dateAsItHappened(db: Db, id: number): Promise<void> {
  const meeting = await governance.getMeeting(db, id, SYSTEM_ADMIN);
  const replied = meeting.invitations.filter((i) => i.repliedAt !== null);
  const when = demoMeetingTimeline(meeting.startsAt, meeting.endsAt, replied.length);
  for (const seat of meeting.seats) {
    await db.governance.updateSeat(seat.id, {
      created_at: when.seatsFilled,
      updated_at: when.seatsFilled,
    });
    await db.governance.redateSeatEvents(seat.id, when.seatsFilled);
  }
  for (const inv of meeting.invitations) {
    const i = replied.indexOf(inv);
    await db.governance.updateInvitation(inv.id, {
      invited_at: when.invited,
      replied_at: i < 0 ? null : (when.replied[i] ?? null),
    });
  }
  for (const [i, entry] of meeting.attendance.entries()) {
    await db.governance.updateAttendance(entry.id, { recorded_at: when.recorded(i) });
  }
  await db.governance.updateMeeting(id, {
    created_at: when.created,
    closed_at: when.closed,
    updated_at: when.closed,
  });
}

async function personId(db: Db, fullName: string): Promise<number> {
  const id = await db.people.findPersonIdByFullName(fullName);
  if (id === undefined) throw new Error(`demo governance: no person "${fullName}"`);
  return id;
}

async function governmentId(db: Db, slug: string): Promise<number> {
  const id = await db.members.findGovernmentIdBySlug(slug);
  if (id === undefined) throw new Error(`demo governance: no government "${slug}"`);
  return id;
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
  // Every region has its executive committee; 'global' is where the world secretariat sits,
  // not a region with members of its own, so it has none.
  for (const region of DEMO_REGIONS) {
    if (region.slug === 'global') continue;
    await governance.createBody(db, actor, {
      slug: `${region.slug}-rexcom`,
      kind: 'rexcom',
      region: region.slug,
      names: DEMO_REXCOM_NAMES[region.slug],
      description: DEMO_REXCOM_DESCRIPTION,
    });
  }
  await governance.createBody(db, actor, {
    slug: 'gexcom',
    kind: 'gexcom',
    names: DEMO_GEXCOM_NAMES,
    description: DEMO_GEXCOM_DESCRIPTION,
  });
  await governance.createBody(db, actor, {
    slug: 'council',
    kind: 'council',
    names: DEMO_COUNCIL_NAMES,
    description: DEMO_COUNCIL_DESCRIPTION,
  });

  const rexcom = EAST_ASIA_REXCOM_2021_2024;
  const term = await governance.createTerm(db, actor, DEMO_REXCOM_SLUG, {
    label: `${rexcom.termStart}–${rexcom.termEnd}`,
    startsOn: `${rexcom.termStart}-01-01`,
    endsOn: `${rexcom.termEnd}-12-31`,
  });
  for (const [i, seat] of rexcom.seats.entries()) {
    await governance.addSeat(db, actor, term.id, {
      governmentId: await governmentId(db, seat.government),
      personId: await personId(db, seat.principal),
      position: 'member',
      portfolio: seat.portfolio,
      sortOrder: i,
    });
  }

  const gino = await personId(db, 'Gino Van Begin');
  const konrad = await personId(db, 'Konrad Zimmerman');
  // Each member's report is titled with the government's names, as the demo data has them.
  const reports = [];
  for (const seat of rexcom.seats) {
    const government = DEMO_GOVERNMENTS.find((g) => g.slug === seat.government);
    const role = seat.proxy ? `proxy of ${seat.principal}` : null;
    reports.push({
      kind: 'report' as const,
      title: government ? { ...government.names } : { en: seat.government },
      speakers: [
        {
          personId: await personId(db, seat.proxy ?? seat.principal),
          role,
          roles: role === null ? {} : inEveryLanguage(DEMO_SPEAKER_ROLES, role),
        },
      ],
    });
  }

  const meeting = await governance.createMeeting(db, actor, {
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
        speakers: [
          {
            personId: gino,
            role: 'Secretary General, live',
            roles: inEveryLanguage(DEMO_SPEAKER_ROLES, 'Secretary General, live'),
          },
        ],
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
        speakers: [
          {
            personId: konrad,
            role: 'founding director',
            roles: inEveryLanguage(DEMO_SPEAKER_ROLES, 'founding director'),
          },
        ],
      },
    ],
  });
  const id = meeting.id;
  await governance.setMeetingStatus(db, actor, id, 'scheduled');
  const invited = await governance.invite(db, config, actor, id, {
    seats: true,
  });
  for (const inv of invited.items) {
    const seat = rexcom.seats.find((s) => s.government === inv.government?.slug);
    if (!seat) continue;
    await governance.reply(db, actor, inv.id, {
      reply: seat.proxy ? 'proxy' : 'attending',
      proxyPersonId: seat.proxy ? await personId(db, seat.proxy) : null,
    });
  }
  await governance.setMeetingStatus(db, actor, id, 'in-progress');
  for (const seat of rexcom.seats) {
    await governance.addAttendance(db, actor, id, {
      governmentId: await governmentId(db, seat.government),
      personId: await personId(db, seat.proxy ?? seat.principal),
      capacity: seat.proxy ? 'proxy' : 'own-right',
      principalPersonId: seat.proxy ? await personId(db, seat.principal) : null,
      mode: 'online',
    });
  }
  for (const person of [gino, konrad]) {
    await governance.addAttendance(db, actor, id, {
      personId: person,
      capacity: 'adviser',
      mode: 'online',
    });
  }
  await governance.setMeetingStatus(db, actor, id, 'closed');
  await dateAsItHappened(db, id);
  await db.governance.updateMeeting(id, { is_demo: 1 });
  const post = await news.createNews(db, actor, {
    slug: '2020-east-asia-rexcom-meeting',
    translations: DEMO_POST,
    meetingId: id,
    governmentIds: await Promise.all(rexcom.seats.map((s) => governmentId(db, s.government))),
  });
  await news.setPublished(db, actor, post.slug, true);
  // Dated the day after the meeting, as a secretariat would have posted it.
  await db.news.updatePost(post.id, {
    is_demo: 1,
    published_at: '2020-11-27T09:00:00.000Z',
    updated_at: '2020-11-27T09:00:00.000Z',
    author_label: 'East Asia secretariat',
  });
  await db.governance.markAllBodiesDemo();
  return { meetingId: id };
}
