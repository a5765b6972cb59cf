import { describe, expect, it } from 'vitest';
import type { OutboxRow } from './repository';
import { composeMessage, messageIdOf } from './smtp';

const row: OutboxRow = {
  id: 7,
  to_email: 'ada@example.org',
  to_name: 'Ada Observer',
  subject: 'Invitation: Budget',
  body_text: 'Dear Ada Observer,',
  body_html: '<p>Dear Ada Observer,</p>',
  kind: 'meeting-invitation',
  related_type: 'invitation',
  related_id: '3',
  attachment_name: 'invitation.ics',
  attachment_text: 'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
  created_at: '2024-05-01T09:00:00.000Z',
  sent_at: null,
  locale: 'ko',
  status: 'sending',
  attempts: 1,
  next_attempt_at: null,
  last_error: null,
  claimed_by: 'a',
  claimed_until: '2024-05-01T09:05:00.000Z',
  message_id: null,
};

describe('a letter as nodemailer gets it', () => {
  it('has its parts, its language and its calendar file with the method it declares', () => {
    const message = composeMessage({ from: 'Sec <sec@accord.test>', messageId: '<m@x>', row });
    expect(message).toMatchObject({
      from: 'Sec <sec@accord.test>',
      to: { name: 'Ada Observer', address: 'ada@example.org' },
      subject: 'Invitation: Budget',
      text: 'Dear Ada Observer,',
      html: '<p>Dear Ada Observer,</p>',
      messageId: '<m@x>',
      headers: { 'Content-Language': 'ko' },
      attachments: [
        {
          filename: 'invitation.ics',
          content: row.attachment_text,
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
      ],
    });
  });

  it('is plain text only without HTML, and goes to the bare address without a name', () => {
    const message = composeMessage({
      from: 'sec@accord.test',
      messageId: '<m@x>',
      row: { ...row, to_name: null, body_html: null, attachment_name: null, attachment_text: null },
    });
    expect(message.to).toBe('ada@example.org');
    expect(message).not.toHaveProperty('html');
    expect(message).not.toHaveProperty('attachments');
  });

  it("has a Message-ID made from the letter, in the sender's domain, the same every time", () => {
    const id = messageIdOf('Network Secretariat <sec@mail.accord.test>', row);
    expect(id).toMatch(/^<[0-9a-f]{32}@mail\.accord\.test>$/);
    expect(messageIdOf('sec@mail.accord.test', row)).toBe(id);
    expect(messageIdOf('sec@mail.accord.test', { ...row, id: 8 })).not.toBe(id);
    expect(messageIdOf('no address', row)).toMatch(/@accord\.invalid>$/);
  });
});
