/**
 * The letters to the secretariat about membership applications, through the API on both
 * databases: a new application and an applicant's answer each queue one letter per recipient
 * (the region's staff among the administrators, else every administrator, else the configured
 * address), in the recipient's language, with the link to the application's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { DEMO_ADMIN_EMAIL } from '../setup/bootstrap';
import { secretariatRecipients } from './letters';
import { applicationBody, submit, takeSteps } from './test-support';

type Headers = Record<string, string>;

const KIM = 'kim.reviewer@accord.example';
const SATO = 'sato.reviewer@accord.example';
const GONE = 'gone.reviewer@accord.example';

describe.each(dialectCases())('letters to the secretariat on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;

  const inject = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });

  /** An administrator made through the API, with a language and, if so, disabled. */
  async function addAdmin(email: string, locale: string | null, disabled = false) {
    const created = await inject('POST', '/users', {
      email,
      displayName: `Reviewer ${email.split('.')[0]}`,
      role: 'admin',
      password: 'reviewer-password-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = (created.json() as { user: { id: number } }).user;
    const patched = await inject('PATCH', `/users/${id}`, { locale, disabled });
    expect(patched.statusCode, patched.body).toBe(200);
  }

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    await addAdmin(KIM, 'ko');
    await addAdmin(SATO, 'ja');
    await addAdmin(GONE, 'zh-Hans', true);
    await t.signInOfficer('kyoto');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The letters to the secretariat about one application, by recipient. */
  async function lettersAbout(id: number) {
    const rows = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'application-secretariat')
      .where('related_type', '=', 'application')
      .where('related_id', '=', String(id))
      .orderBy('to_email')
      .orderBy('id')
      .execute();
    return rows;
  }

  /** Makes an administrator the staff of an office (a position held by their person). */
  async function placeAt(email: string, office: string, start: string, end: string | null) {
    const officeId = (await t.db.offices.findOfficeIdBySlug(office))?.id;
    if (officeId === undefined) throw new Error(`no office ${office}`);
    const now = new Date().toISOString();
    const [personId] = await t.db.people.insertPeople([
      {
        // Written as people write it: the sign-in e-mail is compared without case.
        full_name: `Staff ${email}`,
        names: '{}',
        email: email.toUpperCase(),
        is_demo: 0,
        created_at: now,
        updated_at: now,
      },
    ]);
    await t.db.people.insertPositions([
      {
        person_id: personId as number,
        government_id: null,
        office_id: officeId,
        title: 'regional-director',
        start_date: start,
        end_date: end,
      },
    ]);
  }

  it_(
    'writes to every active administrator of a new application, each in their language',
    async () => {
      const { id, body } = await submit(t, applicationBody({ country: 'DE', language: 'ja' }));
      const letters = await lettersAbout(id);
      // Neither the disabled administrator nor an officer; each active administrator once.
      expect(letters.map((l) => [l.to_email, l.locale])).toEqual([
        [DEMO_ADMIN_EMAIL, 'en'],
        [KIM, 'ko'],
        [SATO, 'ja'],
      ]);
      const url = `${t.config.publicUrl}/admin/applications/${id}`;
      for (const letter of letters) {
        expect(letter.status).toBe('queued');
        expect(letter.body_text).toContain(url);
        expect(letter.body_html).toContain(`href="${url}"`);
      }
      const [en, ko, ja] = letters;
      expect(en?.subject).toBe(`New application: ${body.englishName} (${body.officialName})`);
      expect(en?.body_text).toContain('(Germany) has applied to join the network');
      expect(en?.body_text).toContain('(category: Full member)');
      expect(ko?.subject).toBe(`새 가입 신청: ${body.englishName} (${body.officialName})`);
      expect(ko?.body_text).toContain('(독일)');
      // A reader of the official name's language reads the official name.
      expect(ja?.subject).toBe(`新しい加盟申請：${body.officialName}`);
      expect(ja?.body_text).toContain('（ドイツ）から、ネットワークへの加盟申請が届きました');
      // The applicant's own confirmation is still one letter, to the liaison.
      const toLiaison = await t.db.kysely
        .selectFrom('outbox')
        .select('kind')
        .where('to_email', '=', body.liaison.email)
        .execute();
      expect(toLiaison.map((l) => l.kind)).toEqual(['application-step']);
    },
  );

  it_('writes only to the staff of the application’s region when it has some', async () => {
    await placeAt(SATO, 'east-asia-secretariat', '2020-01-01', null);
    // Kim's position in the region ended: Kim is no longer its staff.
    await placeAt(KIM, 'korea-office', '2018-01-01', '2021-12-31');
    // A disabled administrator is written to in no case.
    await placeAt(GONE, 'east-asia-secretariat', '2020-01-01', null);

    const korean = await submit(t, applicationBody({ country: 'KR', language: 'ko' }));
    expect((await lettersAbout(korean.id)).map((l) => [l.to_email, l.locale])).toEqual([
      [SATO, 'ja'],
    ]);
    // Europe has no staff among the administrators: all of them are written to.
    const german = await submit(t, applicationBody({ country: 'DE' }));
    expect((await lettersAbout(german.id)).map((l) => l.to_email)).toEqual([
      DEMO_ADMIN_EMAIL,
      KIM,
      SATO,
    ]);
  });

  it_('writes to them with the answer when the applicant answers a question', async () => {
    const { id, token, body } = await submit(t, applicationBody({ country: 'JP' }));
    await takeSteps(t.app, admin, id, ['start-review', 'request-information']);
    const before = (await lettersAbout(id)).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/apply/${token}/answer`,
      payload: { comment: '  The council meets on 3 June.\nThe agenda <b>follows</b>.  ' },
      remoteAddress: '203.0.113.77',
    });
    expect(res.statusCode, res.body).toBe(200);
    const answered = (await lettersAbout(id)).slice(before);
    expect(answered.map((l) => [l.to_email, l.locale])).toEqual([[SATO, 'ja']]);
    const letter = answered[0];
    expect(letter?.subject).toBe(`追加情報の回答：${body.officialName}`);
    expect(letter?.body_text).toContain(
      '申請者の回答：\nThe council meets on 3 June.\nThe agenda <b>follows</b>.',
    );
    expect(letter?.body_html).toContain('The agenda &lt;b&gt;follows&lt;/b&gt;.');
    expect(letter?.body_text).toContain(`${t.config.publicUrl}/admin/applications/${id}`);
    // The applicant's words never reach a header.
    expect(letter?.subject).not.toContain('council');
  });

  it_('tells them when the applicant withdraws, with the reason given', async () => {
    const { id, token, body } = await submit(t, applicationBody({ country: 'JP' }));
    const before = (await lettersAbout(id)).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/apply/${token}/withdraw`,
      payload: { comment: 'The council decided to wait a year.' },
      remoteAddress: '203.0.113.78',
    });
    expect(res.statusCode, res.body).toBe(200);
    const told = (await lettersAbout(id)).slice(before).filter((l) => l.to_email === SATO);
    expect(told.map((l) => l.subject)).toEqual([`加盟申請の取り下げ：${body.officialName}`]);
    expect(told[0]?.body_text).toContain(
      '申請者が述べた理由：\nThe council decided to wait a year.',
    );
  });

  it_('writes to the configured address alone when there is one', async () => {
    const { id } = await submit(t, applicationBody({ country: 'KR' }));
    const row = await t.db.applications.findApplication(id);
    if (!row) throw new Error('no application');
    const day = new Date().toISOString().slice(0, 10);
    expect(
      await secretariatRecipients(
        t.db,
        { secretariatEmail: 'applications@network.example' },
        row,
        day,
      ),
    ).toEqual([{ email: 'applications@network.example', name: null, locale: 'en' }]);
    // An address that is an account's is written to in the account's language.
    expect(await secretariatRecipients(t.db, { secretariatEmail: SATO }, row, day)).toEqual([
      { email: SATO, name: null, locale: 'ja' },
    ]);
    expect(
      (await secretariatRecipients(t.db, { secretariatEmail: undefined }, row, day)).map(
        (r) => r.email,
      ),
    ).toEqual([SATO]);
  });
});
