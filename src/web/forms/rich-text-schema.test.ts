import type { JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../../server/media/sanitize';
import { richTextExtensions } from './rich-text-schema';

/**
 * The editor's HTML must come back from the server's sanitiser as it was sent: otherwise a saved
 * post or minutes would differ from what was written, and the sanitiser would be quietly
 * deciding what the author meant. The editor's HTML is rendered here as the browser's editor
 * renders it (ProseMirror's serializer into a DOM, read back as HTML), with happy-dom.
 */

const extensions = richTextExtensions();
const html = (content: JSONContent[]) => generateHTML({ type: 'doc', content }, extensions);
/** HTML in, through the editor's schema, HTML out: what the editor keeps of pasted markup. */
const throughEditor = (markup: string) =>
  generateHTML(generateJSON(markup, extensions) as JSONContent, extensions);

/**
 * The same markup, told apart from the spelling of a DOM's serializer: the sanitiser writes
 * void elements as <br /> and a no-break space as the character, a DOM as <br> and &nbsp;.
 */
function spelling(markup: string): string {
  return markup.replace(/<(br|hr|img)\b([^>]*?)\s*\/?>/g, '<$1$2>').replace(/&nbsp;/g, '\u00a0');
}

function expectSanitiserKeeps(markup: string) {
  expect(spelling(sanitizeRichText(markup))).toBe(spelling(markup));
}

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (value: string): JSONContent => ({
  type: 'listItem',
  content: [paragraph(text(value))],
});

/** What each toolbar button (and each shortcut the editor keeps) writes, and its tag. */
const FEATURES: [string, JSONContent[], RegExp][] = [
  ['heading', [{ type: 'heading', attrs: { level: 2 }, content: [text('Agenda')] }], /<h2>/],
  ['subheading', [{ type: 'heading', attrs: { level: 3 }, content: [text('Items')] }], /<h3>/],
  ['minor heading', [{ type: 'heading', attrs: { level: 4 }, content: [text('Sub')] }], /<h4>/],
  ['bold', [paragraph(text('the '), text('mayor', [{ type: 'bold' }]))], /<strong>mayor/],
  ['italic', [paragraph(text('then', [{ type: 'italic' }]))], /<em>then/],
  ['underline', [paragraph(text('u', [{ type: 'underline' }]))], /<u>u/],
  ['strike-through', [paragraph(text('s', [{ type: 'strike' }]))], /<s>s/],
  ['bulleted list', [{ type: 'bulletList', content: [item('one'), item('two')] }], /<ul><li>/],
  ['numbered list', [{ type: 'orderedList', content: [item('first')] }], /<ol><li>/],
  ['quote', [{ type: 'blockquote', content: [paragraph(text('Quoted'))] }], /<blockquote>/],
  [
    'link',
    [
      paragraph(
        text('site', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]),
        text(' '),
        text('mail', [{ type: 'link', attrs: { href: 'mailto:office@example.org' } }]),
      ),
    ],
    /<a href="https:\/\/example\.org\/a\?b=1&amp;c=2" rel="noopener noreferrer nofollow">site/,
  ],
  [
    'photo',
    [
      { type: 'image', attrs: { src: '/api/v1/files/12', alt: 'The mayors & "guests"' } },
      { type: 'image', attrs: { src: '/api/v1/files/7', alt: '' } },
      { type: 'image', attrs: { src: '/api/v1/files/8' } },
    ],
    /<img src="\/api\/v1\/files\/12" alt="The mayors &amp; &quot;guests&quot;">/,
  ],
  ['line break', [paragraph(text('line'), { type: 'hardBreak' }, text('break'))], /<br>/],
  ['rule', [{ type: 'horizontalRule' }], /<hr>/],
  [
    'languages',
    [
      {
        type: 'paragraph',
        attrs: { lang: 'ko' },
        content: [text('인사 '), text('挨拶', [{ type: 'inlineLanguage', attrs: { lang: 'ja' } }])],
      },
      { type: 'blockquote', attrs: { lang: 'zh-Hant' }, content: [paragraph(text('問候'))] },
    ],
    /<p lang="ko">인사 <span lang="ja">挨拶<\/span><\/p><blockquote lang="zh-Hant">/,
  ],
  [
    'text that looks like markup',
    [paragraph(text('Fish & chips <today> "free"\u00a0for all — 気候 — 气候 — 氣候'))],
    /Fish &amp; chips &lt;today&gt;/,
  ],
];

describe("the rich-text editor's HTML and the sanitiser", () => {
  it.each(FEATURES)('the sanitiser keeps the %s as the editor writes it', (_name, doc, tag) => {
    const markup = html(doc);
    expect(markup).toMatch(tag);
    expectSanitiserKeeps(markup);
    // And what the server keeps opens in the editor as the same document, so a saved text is
    // not changed by merely opening it again.
    expect(spelling(throughEditor(sanitizeRichText(markup)))).toBe(spelling(markup));
  });

  it('keeps a whole post with every feature at once', () => {
    expectSanitiserKeeps(html(FEATURES.flatMap(([, doc]) => doc)));
  });

  it.each([
    ['a script', '<p>a</p><script>alert(1)</script><p>b</p>', /<script/],
    ['an event handler', '<p onclick="alert(1)">a</p>', /onclick/],
    ['a style', '<p style="color:red">a</p><style>p{}</style>', /style/],
    ['a class', '<p class="lead">a</p>', /class/],
    ['a javascript: link', '<p><a href="javascript:alert(1)">a</a></p>', /href/],
    ['a relative link', '<p><a href="/admin">a</a></p>', /href/],
    ['a protocol-relative link', '<p><a href="//evil.example/">a</a></p>', /href/],
    ['a data: link', '<p><a href="data:text/html,x">a</a></p>', /href/],
    [
      'a link target and title',
      '<p><a href="https://x.org" target="_blank" title="t">a</a></p>',
      /target|title/,
    ],
    ['an image from elsewhere', '<img src="https://evil.example/track.png">', /<img/],
    ['a data: image', '<img src="data:image/png;base64,iVBORw0KGgo=">', /<img/],
    ['a thumbnail address', '<img src="/api/v1/files/3/thumb">', /<img/],
    [
      'an image size and title',
      '<img src="/api/v1/files/3" width="30" height="20" title="t">',
      /width|height|title/,
    ],
    ['a numbered list from 3', '<ol start="3" type="a"><li>c</li></ol>', /start|type/],
    ['code', '<p><code>x</code></p><pre><code>y</code></pre>', /<code|<pre/],
    ['a top-level heading', '<h1>Big</h1><h5>small</h5>', /<h1|<h5/],
    ['a frame', '<iframe src="https://evil.example"></iframe><p>a</p>', /<iframe/],
    ['a form', '<form><input value="x"><button>go</button></form>', /<form|<input|<button/],
    ['a div and a section', '<div><section><p>a</p></section></div>', /<div|<section/],
    ['a span without a language', '<p><span title="x">a</span></p>', /<span/],
  ])('cannot hold %s: pasted, it is gone before the sanitiser sees it', (_name, pasted, gone) => {
    const kept = throughEditor(pasted);
    expect(kept).not.toMatch(gone);
    expectSanitiserKeeps(kept);
  });

  it('writes nothing the sanitiser would change, whatever HTML is pasted into it', () => {
    const tag = fc.constantFrom(
      'p',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'code',
      'pre',
      'a',
      'ul',
      'ol',
      'li',
      'blockquote',
      'span',
      'div',
      'table',
      'tr',
      'td',
      'figure',
      'script',
    );
    const attribute = fc.constantFrom(
      '',
      ' lang="ko"',
      ' href="https://example.org/x"',
      ' href="javascript:alert(1)"',
      ' href="/relative"',
      ' start="4"',
      ' style="color:red"',
      ' onclick="x()"',
      ' target="_blank"',
      ' class="c"',
      ' rel="opener"',
    );
    const textPart = fc.constantFrom(
      'a',
      ' ',
      '한국어',
      '&amp;',
      '&lt;',
      '"',
      '\u00a0',
      '<br>',
      '<hr>',
    );
    const image = fc.constantFrom(
      '<img src="/api/v1/files/5" alt="x">',
      '<img src="https://evil.example/a.png">',
      '<img src="/api/v1/files/5" width="3">',
    );
    const node: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.oneof(textPart, image)
        : fc.oneof(
            textPart,
            image,
            fc
              .tuple(tag, attribute, fc.array(node(depth - 1), { maxLength: 3 }))
              .map(([t, a, children]) => `<${t}${a}>${children.join('')}</${t}>`),
          ),
    );
    fc.assert(
      fc.property(fc.array(node(4), { maxLength: 4 }), (parts) => {
        const kept = throughEditor(parts.join(''));
        expect(spelling(sanitizeRichText(kept))).toBe(spelling(kept));
      }),
      { numRuns: 300 },
    );
  });
});
