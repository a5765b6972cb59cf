import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';
import { escapeHtml, isWebAddress, renderLetter } from './render';
import { TEMPLATE_NAMES, type TemplateName, type TemplateParams } from './templates';

/** An example of every template's parameters: a template without one does not compile. */
const EXAMPLES: { [N in TemplateName]: TemplateParams<N> } = {
  'meeting-invitation': {
    title: 'Extraordinary RexCom meeting',
    date: '2023-03-14',
    time: '10:00',
    timeZone: 'Asia/Seoul',
    joinUrl: 'https://meet.example.org/rexcom-2023',
    agenda: ['Opening', 'Reports', 'Work plan 2023'],
    replyUrl: 'https://accord.test/meetings/7',
  },
  'application-step': {
    step: 'submitted',
    government: 'Fixture City',
    comment: 'Please send the budget report.',
    resolutionDueBy: '2027-06-30',
    statusUrl: 'https://accord.test/apply/status/abc',
  },
  'membership-renewal': {
    government: 'Fixture City',
    number: '2026-0007',
    amount: '€1,870.00',
    periodStart: '1 January 2027',
    periodEnd: '31 December 2026',
    nextEnd: '31 December 2027',
    dueOn: '31 January 2027',
    secretariat: 'secretariat@accord.example',
  },
  'membership-reminder': {
    government: 'Fixture City',
    number: '2026-0007',
    amount: '€1,870.00',
    periodStart: '1 January 2027',
    periodEnd: '31 December 2027',
    nextEnd: '31 December 2027',
    dueOn: '31 January 2027',
    secretariat: 'secretariat@accord.example',
  },
  'application-secretariat': {
    event: 'answered',
    government: 'Matsumoto (松本市)',
    country: 'JP',
    category: 'full-member',
    answer: 'The budget report is attached.\nThe council meets in June.',
    url: 'https://accord.test/admin/applications/12',
  },
  'officer-invitation': {
    government: 'Fixture City',
    url: 'https://accord.test/account/invitation/xyz',
    expiresAt: '2026-12-14T10:00:00.000Z',
    signInUrl: 'https://accord.test/signin',
  },
};

describe('rendering a letter', () => {
  it('writes the meeting invitation in English, as text and as HTML', () => {
    const letter = renderLetter('en', 'Ada Observer', 'meeting-invitation', {
      ...EXAMPLES['meeting-invitation'],
    });
    expect(letter.subject).toBe('Invitation: Extraordinary RexCom meeting');
    expect(letter.text).toBe(
      [
        'Dear Ada Observer,',
        '',
        'You are invited to Extraordinary RexCom meeting, 2023-03-14 at 10:00 (Asia/Seoul).',
        '',
        'Join online: https://meet.example.org/rexcom-2023',
        '',
        'Agenda',
        '1. Opening',
        '2. Reports',
        '3. Work plan 2023',
        '',
        'Reply, or name a proxy: https://accord.test/meetings/7',
        '',
        'The meeting is in the attached calendar file: open it to add the meeting to your calendar.',
        '',
        'You receive this e-mail because you were invited to this meeting.',
        '',
        '-- ',
        '',
        'Accord, the workspace of the network, sent this e-mail for its secretariat.',
        '',
      ].join('\n'),
    );
    expect(letter.html).toContain('<html lang="en">');
    expect(letter.html).toContain('<title>Invitation: Extraordinary RexCom meeting</title>');
    expect(letter.html).toMatch(
      /<a href="https:\/\/meet\.example\.org\/rexcom-2023" [^>]*>Join online<\/a>/,
    );
    expect(letter.html).toContain('<li>Opening</li><li>Reports</li><li>Work plan 2023</li>');
    // The font list stays inside the body's style attribute (a double quote would end it).
    expect(letter.html).toMatch(
      /<body style="[^"]*'Segoe UI'[^"]*sans-serif;font-size:16px[^"]*">/,
    );
  });

  it('writes it in Korean for a Korean reader', () => {
    const letter = renderLetter('ko', '권민', 'meeting-invitation', {
      ...EXAMPLES['meeting-invitation'],
      title: '임시 지역집행위원회 회의',
    });
    expect(letter.subject).toBe('초대: 임시 지역집행위원회 회의');
    expect(letter.text).toContain('권민 님께');
    expect(letter.text).toContain(
      '2023-03-14 10:00(Asia/Seoul)에 열리는 임시 지역집행위원회 회의에 귀하를 초대합니다.',
    );
    expect(letter.text).toContain('온라인으로 참여: https://meet.example.org/rexcom-2023');
    expect(letter.html).toContain('<html lang="ko">');
  });

  it('escapes what people typed, in the text of the HTML and in its links', () => {
    const letter = renderLetter('en', 'Eve <b>"Boss"</b> & co', 'meeting-invitation', {
      ...EXAMPLES['meeting-invitation'],
      title: '<script>alert("x")</script> Budget',
      agenda: ['<img src=x onerror=alert(1)>'],
      joinUrl: 'https://meet.example.org/?a=1&b="><script>alert(2)</script>',
    });
    expect(letter.html).not.toMatch(/<script|<img|<b>/);
    expect(letter.html).toContain('Dear Eve &lt;b&gt;&quot;Boss&quot;&lt;/b&gt; &amp; co,');
    expect(letter.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Budget');
    expect(letter.html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
    expect(letter.html).toContain(
      'href="https://meet.example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"',
    );
    // The text part is plain text: it says what was typed, as typed.
    expect(letter.text).toContain('<script>alert("x")</script> Budget');
  });

  it('links only web addresses', () => {
    const letter = renderLetter('en', null, 'meeting-invitation', {
      ...EXAMPLES['meeting-invitation'],
      joinUrl: 'javascript:alert(1)',
    });
    expect(letter.html).not.toContain('href="javascript:');
    expect(letter.html).toContain('Join online: javascript:alert(1)');
    expect(isWebAddress('https://a.example')).toBe(true);
    expect(isWebAddress('http://a.example/x')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b', 'not a url']) {
      expect(isWebAddress(bad), bad).toBe(false);
    }
  });

  it('greets a reader without a name, and leaves out a join link the meeting has not', () => {
    const letter = renderLetter('en', '  ', 'meeting-invitation', {
      ...EXAMPLES['meeting-invitation'],
      joinUrl: null,
      agenda: [],
    });
    expect(letter.text.startsWith('Hello,\n\n')).toBe(true);
    expect(letter.text).not.toContain('Join online');
    expect(letter.text).not.toContain('Agenda');
    expect(letter.html).not.toContain('<ol');
  });

  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  describe('the letter to the secretariat about an application', () => {
    const example = EXAMPLES['application-secretariat'];
    const expected = {
      en: {
        withdrawn: 'Application withdrawn: Matsumoto (松本市)',
        reasonLabel: "The applicant's reason:",
        answered: 'Information received: Matsumoto (松本市)',
        submitted: 'New application: Matsumoto (松本市)',
        country: 'Matsumoto (松本市) (Japan) has answered',
        category: '(category: Associate member)',
        answerLabel: 'The applicant writes:',
        link: 'Open the application: https://accord.test/admin/applications/12',
      },
      ko: {
        withdrawn: '가입 신청 철회: Matsumoto (松本市)',
        reasonLabel: '신청자가 밝힌 사유:',
        answered: '추가 정보 접수: Matsumoto (松本市)',
        submitted: '새 가입 신청: Matsumoto (松本市)',
        country: 'Matsumoto (松本市)(일본)이(가) 추가 정보 요청에 답변했습니다.',
        category: '(회원 구분: 준회원)',
        answerLabel: '신청자의 답변:',
        link: '신청서 열기',
      },
      ja: {
        withdrawn: '加盟申請の取り下げ：Matsumoto (松本市)',
        reasonLabel: '申請者が述べた理由：',
        answered: '追加情報の回答：Matsumoto (松本市)',
        submitted: '新しい加盟申請：Matsumoto (松本市)',
        country: 'Matsumoto (松本市)（日本）が追加情報の依頼に回答しました。',
        category: '（会員区分：準会員）',
        answerLabel: '申請者の回答：',
        link: '申請を開く',
      },
      'zh-Hans': {
        withdrawn: '入会申请已撤回：Matsumoto (松本市)',
        reasonLabel: '申请人说明的理由：',
        answered: '已收到补充信息：Matsumoto (松本市)',
        submitted: '新的入会申请：Matsumoto (松本市)',
        country: 'Matsumoto (松本市)（日本）已回复补充信息的请求。',
        category: '（会员类别：准会员）',
        answerLabel: '申请人的回复：',
        link: '打开申请',
      },
      'zh-Hant': {
        withdrawn: '入會申請已撤回：Matsumoto (松本市)',
        reasonLabel: '申請人說明的理由：',
        answered: '已收到補充資料：Matsumoto (松本市)',
        submitted: '新的入會申請：Matsumoto (松本市)',
        country: 'Matsumoto (松本市)（日本）已回覆補充資料的要求。',
        category: '（會員類別：準會員）',
        answerLabel: '申請人的回覆：',
        link: '開啟申請',
      },
    } as const;

    for (const locale of LOCALES) {
      const words = expected[locale];
      it(`says in ${locale} that the applicant answered, with the answer and the link`, () => {
        const letter = renderLetter(locale, 'Staff', 'application-secretariat', example);
        expect(letter.subject).toBe(words.answered);
        expect(letter.text).toContain(words.country);
        expect(letter.text).toContain(
          `${words.answerLabel}\nThe budget report is attached.\nThe council meets in June.`,
        );
        expect(letter.text).toContain(words.link);
        expect(letter.text).toContain('https://accord.test/admin/applications/12');
        expect(letter.html).toMatch(
          /<a href="https:\/\/accord\.test\/admin\/applications\/12" [^>]*>/,
        );
        expect(letter.html).toContain(`<html lang="${locale}">`);
      });

      it(`says in ${locale} that an application arrived, with its category`, () => {
        const letter = renderLetter(locale, 'Staff', 'application-secretariat', {
          ...example,
          event: 'submitted',
          category: 'associate-member',
          // An answer is for `answered` only.
          answer: 'never shown',
        });
        expect(letter.subject).toBe(words.submitted);
        expect(letter.text).toContain(words.category);
        expect(letter.text).not.toContain('never shown');
        expect(letter.text).not.toContain(words.answerLabel);
      });

      it(`says in ${locale} that the applicant withdrew, with the reason they gave`, () => {
        const letter = renderLetter(locale, 'Staff', 'application-secretariat', {
          ...example,
          event: 'withdrawn',
          answer: 'We join next year.',
        });
        expect(letter.subject).toBe(words.withdrawn);
        expect(letter.text).toContain(`${words.reasonLabel}\nWe join next year.`);
        expect(letter.text).not.toContain(words.answerLabel);
        const silent = renderLetter(locale, 'Staff', 'application-secretariat', {
          ...example,
          event: 'withdrawn',
          answer: null,
        });
        expect(silent.text).not.toContain(words.reasonLabel);
      });
    }

    it('keeps what the applicant typed out of the subject and escapes it in the HTML', () => {
      const letter = renderLetter('en', null, 'application-secretariat', {
        ...example,
        government: 'Evil\r\nBcc: all@example.org <b>City</b>',
        answer: '<script>alert(1)</script>',
      });
      expect(letter.subject).toBe('Information received: Evil Bcc: all@example.org <b>City</b>');
      expect(letter.subject).not.toContain('<script>');
      expect(letter.html).not.toMatch(/<script|<b>/);
      expect(letter.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });

  for (const template of TEMPLATE_NAMES) {
    for (const locale of LOCALES) {
      it(`renders ${template} in ${locale}, every word found`, () => {
        const letter = renderLetter(locale, 'Reader', template, EXAMPLES[template]);
        for (const part of [letter.subject, letter.text, letter.html]) {
          expect(part.trim()).not.toBe('');
          // A key i18next did not find is returned as the key; a placeholder not filled stays.
          expect(part).not.toMatch(
            /mail:|meetingInvitation\.|officerInvitation\.|steps\.|renewal\.|reminder\.|layout\.|\{\{/,
          );
        }
        expect(letter.subject).not.toMatch(/[\r\n]/);
        expect(letter.html).toContain(`<html lang="${locale}">`);
        if (locale !== 'en') {
          const english = renderLetter('en', 'Reader', template, EXAMPLES[template]);
          expect(letter.subject).not.toBe(english.subject);
          expect(letter.text).not.toBe(english.text);
        }
      });
    }
  }
});
