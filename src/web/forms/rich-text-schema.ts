/**
 * The document the rich-text editor of news and minutes holds: only what the server's sanitiser
 * (sanitizeRichText) keeps, each written the way it keeps it, so that what the editor saves comes
 * back from the server as it was sent. rich-text-schema.test.ts checks it against the sanitiser.
 *
 * Kept: paragraphs and headings (levels 2 to 4: the page has its own level 1), bold, italic,
 * underline, strike-through, bulleted and numbered lists, quotes, rules, line breaks, http(s) and
 * mailto links, Accord's own photos, and the lang of paragraphs, quotes and spans. Code, code
 * blocks, numbered lists that start elsewhere than 1, link targets and titles, image sizes and
 * images from elsewhere have no place in it: HTML pasted with them loses them on the way in.
 */
import { Extension, Mark, mergeAttributes, type AnyExtension } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { OrderedList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isFileImageSrc, LINK_REL, safeLinkHref } from '../../core/rich-text';

export const HEADING_LEVELS = [2, 3, 4] as const;

/** A link to an absolute http(s) or mailto address, with Accord's own rel and nothing else. */
export const SafeLink = Link.extend({
  addOptions() {
    return {
      ...this.parent!(),
      openOnClick: false,
      defaultProtocol: 'https',
      HTMLAttributes: {},
      isAllowedUri: (url: string) => safeLinkHref(url) === url,
    };
  },
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') },
    };
  },
  renderHTML({ HTMLAttributes }) {
    const href = safeLinkHref(HTMLAttributes.href as string | null);
    // A refused address cannot be set, pasted or typed; should one get in all the same, its
    // words stay and the link goes, as the sanitiser would do.
    if (href === undefined || href !== HTMLAttributes.href) return ['span', 0];
    return ['a', { href, rel: LINK_REL }, 0];
  },
});

/** One of Accord's stored photos (its file address) with its alternative text; no sizes. */
export const FileImage = Image.extend({
  addOptions() {
    return { ...this.parent!(), inline: false, allowBase64: false, resize: false };
  },
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element: HTMLElement) =>
          isFileImageSrc(element.getAttribute('src')) ? null : false,
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const attrs: Record<string, string> = { src: String(HTMLAttributes.src) };
    if (typeof HTMLAttributes.alt === 'string') attrs.alt = HTMLAttributes.alt;
    return ['img', attrs];
  },
});

/** Numbered lists count from one: the sanitiser keeps no start or type. */
export const PlainOrderedList = OrderedList.extend({
  addAttributes() {
    return {};
  },
  renderHTML({ HTMLAttributes }) {
    return ['ol', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});

const langAttribute = {
  lang: {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute('lang') || null,
    renderHTML: (attributes: Record<string, unknown>) =>
      typeof attributes.lang === 'string' ? { lang: attributes.lang } : {},
  },
};

/** The language of a paragraph or a quote, as the sanitiser keeps it (lang only). */
export const BlockLanguage = Extension.create({
  name: 'blockLanguage',
  addGlobalAttributes() {
    return [{ types: ['paragraph', 'blockquote'], attributes: langAttribute }];
  },
});

/** Words in another language inside a paragraph: <span lang>. */
export const InlineLanguage = Mark.create({
  name: 'inlineLanguage',
  addAttributes() {
    return langAttribute;
  },
  parseHTML() {
    return [{ tag: 'span[lang]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', HTMLAttributes, 0];
  },
});

/** The editor's extensions, for the editor and for rendering its documents in tests. */
export function richTextExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      link: false,
      orderedList: false,
      heading: { levels: [...HEADING_LEVELS] },
    }),
    PlainOrderedList,
    SafeLink,
    FileImage,
    BlockLanguage,
    InlineLanguage,
  ];
}

/** What the person typed as a link, made whole: a bare address becomes https://, then checked. */
export function linkFromInput(input: string): string | undefined {
  const typed = input.trim();
  if (typed === '') return undefined;
  if (/^[^\s:/@]+@[^\s:/@]+\.[^\s:/@]+$/.test(typed)) return safeLinkHref(`mailto:${typed}`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(typed) && !typed.startsWith('/')) {
    return safeLinkHref(`https://${typed}`);
  }
  return safeLinkHref(typed);
}
