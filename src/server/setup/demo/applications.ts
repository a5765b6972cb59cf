/**
 * The demo's membership applications: six governments of the East Asia region at different
 * steps, so the secretariat's queue, its counts per step and an application's history have
 * something to show on the first start. Every day is counted back from the day the demo is
 * loaded. The cities are real and their websites are theirs, but the applications, the people
 * and their addresses (all under .example) are made up: nothing here is the network's record.
 *
 * The rows are written through the applications repository's writers, each move checked by the
 * workflow's rule (core/applications.ts), with no letters and no status links: the demo writes
 * to nobody, and no applicant holds a link to these.
 */
import { applicationValues } from '../../applications/values';
import type { ApplicationInput } from '../../../core/application-form';
import {
  moveApplication,
  type ApplicationAction,
  type ApplicationStep,
} from '../../../core/applications';
import { addDays, periodEndFor } from '../../../core/membership-status';
import { SYSTEM_ADMIN } from '../../audit/service';
import { firstYearFee } from '../../applications/invoices';
import type { ApplicationRow } from '../../applications/repository';
import { APPLICANT } from '../../applications/workflow';
import { issueInvoice } from '../../membership/invoice-service';
import { nowIso } from '../../clock';
import type { StoreDb as Db } from '../../store';

/** One move of a demo application: what, how many days before the demo's day, at what time. */
export interface DemoMove {
  action: ApplicationAction;
  daysAgo: number;
  /** HH:MM in UTC (office hours in East Asia are 00:00–09:00 UTC). */
  at: string;
  comment?: string;
}

export interface DemoApplication {
  input: ApplicationInput;
  submitted: { daysAgo: number; at: string };
  moves: DemoMove[];
}

const consent = true;

export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    // Just arrived: waits for the secretariat to start its review.
    input: {
      officialName: '전주시',
      officialNameLang: 'ko',
      englishName: 'Jeonju',
      kind: 'city',
      country: 'KR',
      province: 'Jeonbuk State',
      population: 640_000,
      populationYear: 2024,
      areaKm2: 206.22,
      budgetAmount: 2_900_000_000_000,
      budgetCurrency: 'KRW',
      website: 'https://www.jeonju.go.kr',
      cdpAccount: null,
      head: { name: '한도윤', title: '시장', electedOn: '2026-06-03', termEndsOn: '2030-06-30' },
      political: {
        name: '한도윤',
        title: '시장',
        email: 'mayor@jeonju.example',
        phone: null,
      },
      liaison: { name: '이서연', email: 'seoyeon.lee@jeonju.example', phone: '+82 63-281-2114' },
      category: 'full-member',
      language: 'ko',
      consent,
    },
    submitted: { daysAgo: 2, at: '05:12' },
    moves: [],
  },
  {
    input: {
      officialName: '新竹市',
      officialNameLang: 'zh-Hant',
      englishName: 'Hsinchu City',
      kind: 'city',
      country: 'TW',
      province: null,
      population: 453_000,
      populationYear: 2024,
      areaKm2: 104.15,
      budgetAmount: null,
      budgetCurrency: null,
      website: 'https://www.hccg.gov.tw',
      cdpAccount: null,
      head: { name: '陳柏翰', title: '市長', electedOn: '2026-11-28', termEndsOn: '2030-12-24' },
      political: { name: '陳柏翰', title: '市長', email: null, phone: '+886 3-521-6121' },
      liaison: { name: '林怡君', email: 'yichun.lin@hccg.example', phone: '+886 3-521-6121' },
      category: 'associate-member',
      language: 'zh-Hant',
      consent,
    },
    submitted: { daysAgo: 6, at: '02:40' },
    moves: [],
  },
  {
    // Asked a question, had its answer, and is in review again.
    input: {
      officialName: '仙台市',
      officialNameLang: 'ja',
      englishName: 'Sendai',
      kind: 'city',
      country: 'JP',
      province: 'Miyagi',
      population: 1_096_000,
      populationYear: 2024,
      areaKm2: 786.35,
      budgetAmount: 1_060_000_000_000,
      budgetCurrency: 'JPY',
      website: 'https://www.city.sendai.jp',
      cdpAccount: null,
      head: { name: '佐々木 健', title: '市長', electedOn: '2025-08-03', termEndsOn: '2029-08-21' },
      political: {
        name: '高橋 直子',
        title: '環境局長',
        email: 'naoko.takahashi@sendai.example',
        phone: '+81 22-214-8232',
      },
      liaison: {
        name: '村上 美咲',
        email: 'misaki.murakami@sendai.example',
        phone: '+81 22-214-0007',
      },
      category: 'full-member',
      language: 'ja',
      consent,
    },
    submitted: { daysAgo: 41, at: '01:05' },
    moves: [
      { action: 'start-review', daysAgo: 37, at: '00:30' },
      {
        action: 'request-information',
        daysAgo: 33,
        at: '06:15',
        comment:
          'Thank you for the application. Could you send the latest greenhouse gas inventory of ' +
          'the city, or tell us where it is published?',
      },
      {
        action: 'answer',
        daysAgo: 29,
        at: '04:48',
        comment:
          '2022年度の温室効果ガス排出量は市のウェブサイト（環境局のページ）で公表しています。' +
          '英語の概要版も来月公開の予定です。',
      },
    ],
  },
  {
    // Waits for the applicant's answer.
    input: {
      officialName: '成都市',
      officialNameLang: 'zh-Hans',
      englishName: 'Chengdu',
      kind: 'city',
      country: 'CN',
      province: 'Sichuan',
      population: 21_403_000,
      populationYear: 2023,
      areaKm2: 14_335,
      budgetAmount: null,
      budgetCurrency: null,
      website: 'https://www.chengdu.gov.cn',
      cdpAccount: null,
      head: { name: '王建国', title: '市长', electedOn: null, termEndsOn: null },
      political: {
        name: '张丽华',
        title: '生态环境局副局长',
        email: 'lihua.zhang@chengdu.example',
        phone: null,
      },
      liaison: { name: '刘洋', email: 'yang.liu@chengdu.example', phone: '+86 28-6188-0000' },
      category: 'full-member',
      language: 'zh-Hans',
      consent,
    },
    submitted: { daysAgo: 26, at: '03:20' },
    moves: [
      { action: 'start-review', daysAgo: 21, at: '01:10' },
      {
        action: 'request-information',
        daysAgo: 12,
        at: '07:35',
        comment:
          'Please send the decision of the municipal government approving the membership, and ' +
          'tell us which department will coordinate the work with the network.',
      },
    ],
  },
  {
    // Accepted and invoiced: the membership follows the payment.
    input: {
      officialName: '광주광역시',
      officialNameLang: 'ko',
      englishName: 'Gwangju',
      kind: 'metropolitan-city',
      country: 'KR',
      province: null,
      population: 1_419_000,
      populationYear: 2024,
      areaKm2: 501.14,
      budgetAmount: 7_600_000_000_000,
      budgetCurrency: 'KRW',
      website: 'https://www.gwangju.go.kr',
      cdpAccount: null,
      head: { name: '정민호', title: '시장', electedOn: '2026-06-03', termEndsOn: '2030-06-30' },
      political: {
        name: '최지혜',
        title: '기후환경국장',
        email: 'jihye.choi@gwangju.example',
        phone: '+82 62-613-4100',
      },
      liaison: { name: '박준서', email: 'junseo.park@gwangju.example', phone: '+82 62-613-4140' },
      category: 'full-member',
      language: 'ko',
      consent,
    },
    submitted: { daysAgo: 80, at: '00:55' },
    moves: [
      { action: 'start-review', daysAgo: 74, at: '02:00' },
      { action: 'accept', daysAgo: 58, at: '05:30', comment: 'Complete; the RexCom was told.' },
      { action: 'invoice', daysAgo: 52, at: '01:45' },
    ],
  },
  {
    // Refused, with the reason the applicant was given.
    input: {
      officialName: '花蓮縣',
      officialNameLang: 'zh-Hant',
      englishName: 'Hualien County',
      kind: 'county',
      country: 'TW',
      province: null,
      population: 318_000,
      populationYear: 2024,
      areaKm2: 4628.57,
      budgetAmount: null,
      budgetCurrency: null,
      website: 'https://www.hl.gov.tw',
      cdpAccount: null,
      head: { name: '黃淑芬', title: '縣長', electedOn: '2026-11-28', termEndsOn: '2030-12-24' },
      political: { name: '黃淑芬', title: '縣長', email: null, phone: null },
      liaison: { name: '吳宗翰', email: 'tsunghan.wu@hl.example', phone: '+886 3-822-7171' },
      category: 'associate-partner',
      language: 'zh-Hant',
      consent,
    },
    submitted: { daysAgo: 60, at: '06:05' },
    moves: [
      { action: 'start-review', daysAgo: 55, at: '03:25' },
      {
        action: 'reject',
        daysAgo: 48,
        at: '08:10',
        comment:
          'Associate partnership is for organisations such as universities and NGOs. A county ' +
          'joins as a full or associate member: you are welcome to apply again in one of those ' +
          'categories.',
      },
    ],
  },
];

/** A moment `daysAgo` days before `day`, at HH:MM UTC. */
const instant = (day: string, daysAgo: number, at: string) =>
  `${addDays(day, -daysAgo)}T${at}:00.000Z`;

/** True for a demo database without any application yet (made before they existed). */
export async function demoApplicationsMissing(db: Db): Promise<boolean> {
  const seoul = await db.members.findGovernmentBySlug('seoul');
  if (Number(seoul?.is_demo) !== 1) return false;
  return (await db.applications.countByStep()).size === 0;
}

/** Loads the demo applications in one transaction; returns how many there are by step. */
export async function seedDemoApplications(
  db: Db,
  applications: readonly DemoApplication[] = DEMO_APPLICATIONS,
): Promise<Map<ApplicationStep, number>> {
  const day = nowIso().slice(0, 10);
  return db.transaction(async (tx) => {
    const steps = new Map<ApplicationStep, number>();
    for (const { input, submitted, moves } of applications) {
      const submittedAt = instant(day, submitted.daysAgo, submitted.at);
      let step: ApplicationStep = 'submitted';
      const rows: Omit<Parameters<typeof tx.applications.insertStep>[0], 'application_id'>[] = [
        {
          action: null,
          from_step: null,
          to_step: step,
          comment: null,
          party: 'applicant',
          actor_user_id: null,
          actor_label: APPLICANT.label,
          at: submittedAt,
        },
      ];
      for (const move of moves) {
        const party = move.action === 'answer' ? 'applicant' : 'secretariat';
        const moved = moveApplication(step, move.action, party, move.comment);
        if (!moved.ok) {
          throw new Error(
            `demo application ${input.englishName}: ${move.action} (${moved.problem})`,
          );
        }
        rows.push({
          action: move.action,
          from_step: step,
          to_step: moved.to,
          comment: move.comment ?? null,
          party,
          actor_user_id: null,
          actor_label: party === 'applicant' ? APPLICANT.label : SYSTEM_ADMIN.label,
          at: instant(day, move.daysAgo, move.at),
        });
        step = moved.to;
      }
      const id = await tx.applications.insertApplication({
        ...applicationValues(input),
        step,
        submitted_at: submittedAt,
        updated_at: rows[rows.length - 1]?.at ?? submittedAt,
        government_id: null,
      });
      for (const row of rows) await tx.applications.insertStep({ ...row, application_id: id });
      const invoiced = moves.find((m) => m.action === 'invoice');
      if (step === 'invoiced' && invoiced) {
        // Its invoice, as the invoice step issues it: the schedule's fee of the first year.
        const application = (await tx.applications.findApplication(id)) as ApplicationRow;
        const { fee } = await firstYearFee(tx, application);
        if (!fee.ok)
          throw new Error(`demo application ${input.englishName}: no fee (${fee.reason})`);
        const issuedOn = addDays(day, -invoiced.daysAgo);
        await issueInvoice(tx, SYSTEM_ADMIN, {
          governmentId: null,
          applicationId: id,
          periodId: null,
          periodStart: issuedOn,
          periodEnd: periodEndFor(issuedOn),
          category: input.category,
          amount: fee.amount,
          currency: fee.currency,
          basis: fee.basis,
          issuedOn,
        });
      }
      steps.set(step, (steps.get(step) ?? 0) + 1);
    }
    await tx.audit.insertAudit({
      at: nowIso(),
      actorUserId: null,
      actorLabel: SYSTEM_ADMIN.label,
      action: 'create',
      entityType: 'network',
      entityId: 'demo-applications',
      summary: 'Demo membership applications loaded',
      before: null,
      after: Object.fromEntries(steps),
    });
    return steps;
  });
}
