import { describe, expect, it } from 'vitest';
import {
  checkFileEdit,
  fileEditValues,
  filePatchBody,
  fileVisibilityKey,
  withFile,
  type FileEditValues,
} from './file-edit';
import type { FileInfo, Meeting } from './types';

const photo: FileInfo = {
  id: 9,
  kind: 'photo',
  filename: 'group.jpg',
  mime: 'image/jpeg',
  bytes: 120_000,
  width: 1600,
  height: 1067,
  caption: { en: 'The members', ko: '위원들', fr: 'Les membres' },
  credit: 'Seoul City',
  isPublic: false,
  url: '/api/v1/files/9',
  thumbUrl: '/api/v1/files/9/thumb',
  uploadedAt: '2025-03-04T05:00:00.000Z',
  version: 1,
};

function edited(patch: Partial<FileEditValues> = {}): FileEditValues {
  return { ...fileEditValues(photo), ...patch };
}

describe('fileEditValues', () => {
  it('fills every language of the form, blank where there is no caption', () => {
    expect(fileEditValues(photo)).toEqual({
      captions: { en: 'The members', ko: '위원들', ja: '', 'zh-Hans': '', 'zh-Hant': '' },
      credit: 'Seoul City',
      isPublic: false,
    });
  });
});

describe('filePatchBody', () => {
  it('sends nothing when nothing changed', () => {
    expect(filePatchBody(photo, edited())).toEqual({});
    expect(filePatchBody(photo, edited({ credit: ' Seoul City ' }))).toEqual({});
  });

  it('sends the whole caption, keeping languages the form does not show, without blanks', () => {
    const values = edited();
    values.captions = { ...values.captions, en: ' The RexCom members ', ko: ' ', ja: '委員' };
    expect(filePatchBody(photo, values)).toEqual({
      caption: { fr: 'Les membres', en: 'The RexCom members', ja: '委員' },
    });
  });

  it('clears the credit with null and turns the file public', () => {
    expect(filePatchBody(photo, edited({ credit: '  ', isPublic: true }))).toEqual({
      credit: null,
      isPublic: true,
    });
  });
});

describe('checkFileEdit', () => {
  it('accepts captions and credit within the limits', () => {
    expect(checkFileEdit(edited())).toEqual([]);
  });

  it('names the caption and the credit that are too long', () => {
    const values = edited({ credit: 'c'.repeat(301) });
    values.captions = { ...values.captions, ja: '写'.repeat(201) };
    expect(checkFileEdit(values)).toEqual([
      { pointer: '/caption/ja', code: 'captionTooLong' },
      { pointer: '/credit', code: 'creditTooLong' },
    ]);
  });
});

describe('fileVisibilityKey', () => {
  it('words public and private files differently', () => {
    expect(fileVisibilityKey({ isPublic: true })).toBe('files.visibility.public');
    expect(fileVisibilityKey({ isPublic: false })).toBe('files.visibility.private');
  });
});

describe('withFile', () => {
  it('replaces the changed file and leaves the others and the meeting alone', () => {
    const other = { ...photo, id: 10, filename: 'agenda.pdf', kind: 'document' as const };
    const meeting = { id: 3, files: [photo, other] } as unknown as Meeting;
    const changed = { ...photo, isPublic: true };
    const next = withFile(meeting, changed);
    expect(next.files).toEqual([changed, other]);
    expect(next.id).toBe(3);
    expect(meeting.files[0]).toBe(photo);
  });
});
