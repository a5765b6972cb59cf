/**
 * Changing an uploaded file (a meeting file or a news photo): its caption in each language, its
 * credit and whether the public page shows it. The request carries only what changed, and the
 * caption whole (the server replaces it), keeping captions in languages the form does not show.
 */
import type { Static } from 'typebox';
import { LOCALES, type Locale } from '../../core/locales';
import type { FileInfo as FileInfoSchema } from '../../server/governance/schemas';
import type { FilePatch as FilePatchSchema } from '../../server/news/schemas';

type FileInfo = Static<typeof FileInfoSchema>;
type FilePatch = Static<typeof FilePatchSchema>;

export const CAPTION_MAX = 200;
export const CREDIT_MAX = 300;

export interface FileEditValues {
  captions: Record<Locale, string>;
  credit: string;
  isPublic: boolean;
}

export function fileEditValues(file: FileInfo): FileEditValues {
  const captions = Object.fromEntries(
    LOCALES.map((lang) => [lang, file.caption[lang] ?? '']),
  ) as Record<Locale, string>;
  return { captions, credit: file.credit ?? '', isPublic: file.isPublic };
}

export type FileEditProblemCode = 'captionTooLong' | 'creditTooLong';
export const FILE_EDIT_PROBLEMS = [
  'captionTooLong',
  'creditTooLong',
] as const satisfies readonly FileEditProblemCode[];

export function captionPointer(lang: string): string {
  return `/caption/${lang}`;
}

export function checkFileEdit(
  values: FileEditValues,
): { pointer: string; code: FileEditProblemCode }[] {
  const problems: { pointer: string; code: FileEditProblemCode }[] = [];
  for (const lang of LOCALES) {
    if (values.captions[lang].trim().length > CAPTION_MAX) {
      problems.push({ pointer: captionPointer(lang), code: 'captionTooLong' });
    }
  }
  if (values.credit.trim().length > CREDIT_MAX) {
    problems.push({ pointer: '/credit', code: 'creditTooLong' });
  }
  return problems;
}

function sameTexts(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The change to send; empty when nothing changed. Blank captions are left out, not sent. */
export function filePatchBody(file: FileInfo, values: FileEditValues): FilePatch {
  const caption: Record<string, string> = {};
  for (const [lang, text] of Object.entries(file.caption)) {
    if (!(LOCALES as readonly string[]).includes(lang)) caption[lang] = text;
  }
  for (const lang of LOCALES) {
    const text = values.captions[lang].trim();
    if (text) caption[lang] = text;
  }
  const credit = values.credit.trim() || null;
  const patch: FilePatch = {};
  if (!sameTexts(caption, file.caption)) patch.caption = caption;
  if (credit !== file.credit) patch.credit = credit;
  if (values.isPublic !== file.isPublic) patch.isPublic = values.isPublic;
  return patch;
}
