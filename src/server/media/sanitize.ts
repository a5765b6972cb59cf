import sanitizeHtml from 'sanitize-html';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const LINK_REL = 'noopener noreferrer nofollow';

/**
 * Only absolute http(s) and mailto links survive. The parser has already decoded entities,
 * so `&#106;avascript:` arrives here as `javascript:` and fails like the plain form. Relative
 * links are dropped too: the same text is shown in the app, in e-mail and in calendar files,
 * where a relative address would point somewhere else in each.
 */
function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  // Require the scheme at the very start, so "java\tscript:" and " javascript:" cannot hide.
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  try {
    return LINK_SCHEMES.includes(new URL(trimmed).protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'hr',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    p: ['lang'],
    span: ['lang'],
    blockquote: ['lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Disallowed tags go but their text stays, except for these, whose content is code.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'xmp',
    'iframe',
    'svg',
    'math',
  ],
  transformTags: {
    // Our own rel replaces whatever the author wrote: links never get window.opener or
    // pass search-engine credit.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeHref(attribs.href);
      const kept: sanitizeHtml.Attributes = href ? { href, rel: LINK_REL } : {};
      return { tagName: 'a', attribs: kept };
    },
  },
  // An <a> whose link was refused keeps its words but loses the tag.
  exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
};

/**
 * Cleans HTML from the rich-text editor to the small set of tags Accord displays, so it can
 * be rendered as-is: no scripts, styles, event handlers, images, frames or unsafe links.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT);
}

/** Tags after which words must not run together when the markup is taken away. */
const BLOCK_TAGS =
  /<\/?(?:p|br|h[2-4]|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|figure|figcaption|hr)\b[^>]*>/g;

/**
 * Plain text for summaries, search and .ics descriptions: tags removed, entities decoded,
 * whitespace collapsed. It works on sanitizeRichText's output, which is well-formed and in
 * which the only entities are the four the serializer writes, so simple replacements are
 * exact here where they would not be on arbitrary HTML.
 */
export function richTextToPlain(html: string): string {
  return sanitizeRichText(html)
    .replace(BLOCK_TAGS, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
