import sanitizeHtml from 'sanitize-html';
import { isFileImageSrc, LINK_REL, safeLinkHref } from '../../core/rich-text';

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
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt'],
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
      const href = safeLinkHref(attribs.href);
      const kept: sanitizeHtml.Attributes = href ? { href, rel: LINK_REL } : {};
      return { tagName: 'a', attribs: kept };
    },
    // An image is one of Accord's own stored photos (isFileImageSrc), with its alternative text.
    img: (_tagName, attribs): sanitizeHtml.Tag => {
      const kept: sanitizeHtml.Attributes = {};
      if (isFileImageSrc(attribs.src)) {
        kept.src = attribs.src;
        if (attribs.alt !== undefined) kept.alt = attribs.alt;
      }
      return { tagName: 'img', attribs: kept };
    },
  },
  exclusiveFilter: (frame) => {
    // An <a> whose link was refused keeps its words but loses the tag.
    if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
    // An image from anywhere else goes altogether.
    return frame.tag === 'img' && !frame.attribs.src;
  },
};

/**
 * Cleans HTML from the rich-text editor to the small set of tags Accord displays, so it can
 * be rendered as-is: no scripts, styles, event handlers, frames, unsafe links, or images other
 * than Accord's own stored photos.
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
