/**
 * Atom 1.0 (RFC 4287) feed writer for the network's news. Pure: builds a string, no I/O.
 */

export interface AtomEntry {
  id: string; // tag: or urn: IRI
  title: string;
  summary: string | null;
  contentHtml: string | null;
  url: string;
  published: string;
  updated: string;
  lang: string; // BCP 47
  authorName: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  alternateUrl: string;
  updated: string;
  lang: string;
  entries: AtomEntry[];
}

export function buildAtomFeed(feed: AtomFeed): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(feed.lang)}">`,
    `  <id>${text(feed.id)}</id>`,
    `  <title type="text">${text(feed.title)}</title>`,
  ];
  if (feed.subtitle) out.push(`  <subtitle type="text">${text(feed.subtitle)}</subtitle>`);
  out.push(
    `  <updated>${timestamp(feed.updated, 'feed.updated')}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${attr(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${attr(feed.alternateUrl)}"/>`,
    '  <generator>Accord</generator>',
  );
  for (const entry of feed.entries) out.push(...entryLines(entry));
  out.push('</feed>');
  return out.join('\n') + '\n';
}

function entryLines(entry: AtomEntry): string[] {
  const lines = [
    // Per entry because one feed mixes articles in the languages of its member governments.
    `  <entry xml:lang="${attr(entry.lang)}">`,
    `    <id>${text(entry.id)}</id>`,
    `    <title type="text">${text(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${attr(entry.url)}"/>`,
    `    <published>${timestamp(entry.published, 'entry.published')}</published>`,
    `    <updated>${timestamp(entry.updated, 'entry.updated')}</updated>`,
    // Every entry names its author, which RFC 4287 4.1.1 accepts in place of a feed author.
    `    <author><name>${text(entry.authorName)}</name></author>`,
  ];
  if (entry.summary !== null)
    lines.push(`    <summary type="text">${text(entry.summary)}</summary>`);
  // type="html": the markup travels escaped, so readers get it as a string to sanitise and render,
  // and a stray '<' in an article can never break the feed's own XML.
  if (entry.contentHtml !== null) {
    lines.push(`    <content type="html">${text(entry.contentHtml)}</content>`);
  }
  for (const term of entry.categories ?? []) {
    if (term.trim()) lines.push(`    <category term="${attr(term)}"/>`);
  }
  lines.push('  </entry>');
  return lines;
}

/**
 * Removes what XML 1.0 (2.2) forbids — C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F —
 * plus DEL and the C1 controls, which XML only discourages but which never belong in news text.
 */
function clean(value: string): string {
  return value.replace(
    /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu,
    '',
  );
}

function text(value: string): string {
  return clean(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their whitespace: parsers turn literal tab/LF/CR into spaces. */
function attr(value: string): string {
  return text(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** RFC 3339 in UTC, whole seconds; an unparseable or offset-less instant is a caller bug. */
function timestamp(iso: string, field: string): string {
  const ms = /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not an ISO instant with offset: ${iso}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
