import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { AgendaEditor } from './AgendaEditor';
import { newItem, newSpeaker, type EditorItem } from './agenda-tree';
import { FileAdminList } from './manage-files';
import { GuestInviteForm } from './manage-guests';
import type { FileInfo, Meeting } from './types';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>,
  );
}

/** The opening tag of the element with the test id, to read its attributes in any order. */
function tagOf(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return '';
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

const file = (id: number, isPublic: boolean): FileInfo => ({
  id,
  kind: 'document',
  filename: `file-${id}.pdf`,
  mime: 'application/pdf',
  bytes: 2048,
  width: null,
  height: null,
  caption: { en: `Caption ${id}` },
  credit: null,
  isPublic,
  url: `/api/v1/files/${id}`,
  thumbUrl: null,
  uploadedAt: '2025-03-04T05:00:00.000Z',
  version: 1,
});

const meeting = (files: FileInfo[] = []) =>
  ({ id: 5, status: 'scheduled', invitations: [], files }) as unknown as Meeting;

describe('GuestInviteForm', () => {
  it('asks for name, address and role, an optional participant by default', () => {
    const html = render(<GuestInviteForm meeting={meeting()} />);
    for (const id of ['guest-name', 'guest-email', 'guest-role', 'invite-guest']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('<label for="guest-email"');
    expect(html).toMatch(/<option value="OPT-PARTICIPANT" selected="">Optional participant/);
    expect(html).toContain('>Non-participant (for information)</option>');
    expect(html).toContain('>Chair</option>');
    expect(html).toContain('>Participant</option>');
  });
});

describe('FileAdminList', () => {
  it('says in words who can see each file and offers to edit it', () => {
    const html = render(<FileAdminList meeting={meeting([file(1, true), file(2, false)])} />);
    expect(html).toMatch(/data-testid="file-visibility-1"[^>]*>Public: on the public page</);
    expect(html).toMatch(/data-testid="file-visibility-2"[^>]*>Not public: signed-in users only</);
    expect(tagOf(html, 'edit-file-1')).toContain('aria-expanded="false"');
    expect(html).toContain('data-testid="edit-file-2"');
    // The editor opens on demand only.
    expect(html).not.toContain('data-testid="save-file"');
  });

  it('shows nothing for a meeting without files', () => {
    expect(render(<FileAdminList meeting={meeting()} />)).toBe('');
  });
});

describe('AgendaEditor speakers', () => {
  const tree: EditorItem[] = [
    {
      ...newItem('a'),
      title: { en: 'Opening' },
      speakers: [
        { ...newSpeaker('s1'), name: 'Guest Speaker' },
        { ...newSpeaker('s2', 'person'), person: { id: 7, fullName: 'Min Kwon' } },
      ],
    },
  ];
  const html = render(
    <AgendaEditor
      tree={tree}
      onChange={() => undefined}
      makeKey={() => 'k'}
      clock={null}
      timeZone="Asia/Seoul"
      problems={new Map([[0, [{ field: 'speakers/1/personId', detail: 'No person 7.' }]]])}
    />,
  );

  it('keeps the free-name field for a guest and the register for a person', () => {
    expect(tagOf(html, 'agenda-item-speaker-name-0-0')).toContain('value="Guest Speaker"');
    expect(html).not.toContain('data-testid="agenda-item-speaker-name-0-1"');
    const picker = tagOf(html, 'agenda-item-speaker-person-0-1');
    expect(picker).toContain('role="combobox"');
    expect(picker).toContain('value="Min Kwon"');
  });

  it('lets the source be chosen with radio buttons in a labelled group', () => {
    expect(html).toMatch(/role="radiogroup" aria-label="Who speaker 1 is"/);
    expect(tagOf(html, 'agenda-item-speaker-source-0-1-person')).toContain('checked=""');
    expect(tagOf(html, 'agenda-item-speaker-source-0-1-name')).not.toContain('checked');
    expect(tagOf(html, 'agenda-item-speaker-source-0-0-name')).toContain('checked=""');
  });

  it("puts the server's problem beside the person picker", () => {
    expect(html).toContain(
      '<p id="agenda-a-speaker-1-error" class="admin-field__error">No person 7.</p>',
    );
    const picker = tagOf(html, 'agenda-item-speaker-person-0-1');
    expect(picker).toContain('aria-invalid="true"');
    expect(picker).toContain('aria-describedby="agenda-a-speaker-1-error"');
  });
});

describe('AgendaEditor durations', () => {
  const tree: EditorItem[] = [
    {
      ...newItem('a'),
      title: { en: 'Reports' },
      duration: '90',
      children: [
        { ...newItem('b'), title: { en: 'Seoul' }, duration: '10' },
        { ...newItem('c'), title: { en: 'Kyoto' }, duration: '15' },
      ],
    },
  ];
  const html = render(
    <AgendaEditor
      tree={tree}
      onChange={() => undefined}
      makeKey={() => 'k'}
      clock={null}
      timeZone="Asia/Seoul"
      problems={new Map()}
    />,
  );

  it('says an item with sub-items lasts as long as they do, instead of taking its own duration', () => {
    const field = tagOf(html, 'agenda-item-duration-0');
    expect(field).toContain('disabled');
    expect(field).toContain('value="25"');
    expect(html).toContain('The sum of its sub-items: 25 min.');
    expect(tagOf(html, 'agenda-item-duration-1')).not.toContain('disabled');
  });
});
