/**
 * What Accord's rich text may link to and show, said once for the server's sanitiser
 * (src/server/media/sanitize.ts) and the web's editor, so that the editor cannot write what the
 * sanitiser would take away.
 */

/** The rel every kept link gets, whatever the author wrote. */
export const LINK_REL = 'noopener noreferrer nofollow';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];

/**
 * The link as kept, or undefined when it is refused. Only absolute http(s) and mailto links
 * survive. An HTML parser has already decoded entities, so `&#106;avascript:` arrives here as
 * `javascript:` and fails like the plain form. Relative links are refused too: the same text is
 * shown in the app, in e-mail and in calendar files, where a relative address would point
 * somewhere else in each.
 */
export function safeLinkHref(href: string | undefined | null): string | undefined {
  if (href === undefined || href === null) return undefined;
  const trimmed = href.trim();
  // Require the scheme at the very start, so "java\tscript:" and " javascript:" cannot hide.
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  try {
    return LINK_SCHEMES.includes(new URL(trimmed).protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Images in rich text are Accord's own stored photos, by their file address: the post's or the
 * meeting's photos, which the public may see once the post or meeting is out. No other source
 * (another site, data: URLs) is shown.
 */
const FILE_IMAGE = /^\/api\/v1\/files\/[1-9][0-9]{0,15}$/;

export function isFileImageSrc(src: string | undefined | null): src is string {
  return typeof src === 'string' && FILE_IMAGE.test(src);
}

/** The address rich text shows a stored photo at (the file's own address). */
export function fileImageSrc(fileId: number): string {
  return `/api/v1/files/${fileId}`;
}
