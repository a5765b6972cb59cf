/** Counting lines in raw CSV text, for messages that name the line a problem is on. */

/** Line breaks in raw CSV text: CR LF, a lone LF and a lone CR each end one line. */
export function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\r' || (raw[i] === '\n' && raw[i - 1] !== '\r')) n++;
  }
  return n;
}

/**
 * The line breaks before the opening quote of the quoted field left open at the end of a
 * record's raw text, or null when no field is left open. Fields are read as the parser reads
 * them: a doubled quote inside quotes is a quote; a quote inside an unquoted field is text.
 */
export function openQuoteLine(raw: string): number | null {
  let opening = -1;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inQuotes) {
      if (c === '"') {
        if (raw[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (c === '"' && fieldStart) {
      inQuotes = true;
      opening = i;
      fieldStart = false;
    } else {
      fieldStart = c === ',' || c === '\n' || c === '\r';
    }
  }
  return inQuotes ? lineBreaks(raw.slice(0, opening)) : null;
}
