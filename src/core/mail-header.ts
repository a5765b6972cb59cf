/**
 * Text bound for a header of a letter (subject, recipient name, address, attachment name) is
 * one line. A line break there would let whoever wrote the text add headers of their own
 * (Bcc:, a second body) when the letter is sent, so each run of line breaks becomes one space
 * and other control characters go.
 */

// CR, LF, VT, FF, NEL and the Unicode line and paragraph separators: all end a line somewhere.
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const OTHER_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export function headerText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(OTHER_CONTROLS, '').replace(/ {2,}/g, ' ').trim();
}
