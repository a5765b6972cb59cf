import { describe, expect, it } from 'vitest';
import { richTextToPlain, sanitizeRichText } from './sanitize';

const REL = 'rel="noopener noreferrer nofollow"';

describe('sanitizeRichText', () => {
  it('keeps the allowed structure as it is', () => {
    const html =
      '<h2>Agenda</h2><p>Opening by the <strong>mayor</strong>, <em>then</em> <b>b</b> <i>i</i> ' +
      '<u>u</u> <s>s</s><br /></p><h3>Items</h3><h4>Sub</h4><ol><li>one</li></ol><ul><li>two</li></ul>' +
      '<blockquote>quote</blockquote><hr />' +
      '<table><thead><tr><th>City</th></tr></thead><tbody><tr><td>Suwon</td></tr></tbody></table>' +
      '<figure><figcaption>Caption</figcaption></figure>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('keeps lang on p, span and blockquote and nothing else on them', () => {
    expect(
      sanitizeRichText(
        '<p lang="ko" class="lead" id="x" style="color:red">인사 <span lang="ja" title="t">挨拶</span></p>' +
          '<blockquote lang="zh-Hant">問候</blockquote><h2 lang="en">Title</h2>',
      ),
    ).toBe(
      '<p lang="ko">인사 <span lang="ja">挨拶</span></p><blockquote lang="zh-Hant">問候</blockquote><h2>Title</h2>',
    );
  });

  it('leaves Korean, Japanese and Chinese text unchanged', () => {
    const text = '<p>기후 행동 계획 — 気候行動計画 — 气候行动计划 — 氣候行動計畫</p>';
    expect(sanitizeRichText(text)).toBe(text);
  });

  it('keeps http, https and mailto links and sets our own rel', () => {
    expect(
      sanitizeRichText(
        '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="opener" title="t">site</a> ' +
          '<a href="http://example.org">plain</a> <a href=" mailto:office@example.org ">mail</a>',
      ),
    ).toBe(
      `<a href="https://example.org/a?b=1&amp;c=2" ${REL}>site</a> ` +
        `<a href="http://example.org" ${REL}>plain</a> <a href="mailto:office@example.org" ${REL}>mail</a>`,
    );
  });

  it.each([
    ['<a href="javascript:alert(1)">click</a>', 'click'],
    ['<a href="JaVaScRiPt:alert(1)">click</a>', 'click'],
    ['<a href="&#106;avascript:alert(1)">click</a>', 'click'],
    ['<a href="&#x6A;&#x61;vascript&colon;alert(1)">click</a>', 'click'],
    ['<a href="jav&#x09;ascript:alert(1)">click</a>', 'click'],
    ['<a href="  javascript:alert(1)">click</a>', 'click'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>', 'click'],
    ['<a href="vbscript:msgbox(1)">click</a>', 'click'],
    ['<a href="//evil.example/">click</a>', 'click'],
    ['<a href="/relative/path">click</a>', 'click'],
    ['<a>click</a>', 'click'],
  ])('drops the link but keeps the words in %s', (html, out) => {
    expect(sanitizeRichText(html)).toBe(out);
  });

  it("keeps Accord's own photos, by their file address, with their alternative text only", () => {
    expect(
      sanitizeRichText(
        '<p>Before</p><img src="/api/v1/files/12" alt="The mayors &amp; &quot;guests&quot;" ' +
          'title="t" width="300" onerror="alert(1)" class="x"><img src="/api/v1/files/7">',
      ),
    ).toBe(
      '<p>Before</p><img src="/api/v1/files/12" alt="The mayors &amp; &quot;guests&quot;" />' +
        '<img src="/api/v1/files/7" />',
    );
  });

  it.each([
    '<img src="https://evil.example/track.png" alt="x">',
    '<img src="//evil.example/a.png">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<img src="javascript:alert(1)">',
    '<img src="/api/v1/files/12/thumb">',
    '<img src="/api/v1/files/12?download=1">',
    '<img src="/api/v1/files/0">',
    '<img src=" /api/v1/files/12">',
    '<img src="/api/v1/files/../users/1">',
    '<img alt="no source">',
  ])('drops the image from anywhere else in %s', (html) => {
    expect(sanitizeRichText(`<p>a</p>${html}`)).toBe('<p>a</p>');
  });

  it.each([
    ['<img src=x onerror=alert(1)>', ''],
    ['<svg onload=alert(1)><script>alert(2)</script></svg>after', 'after'],
    ['<script>alert(1)</script>text', 'text'],
    ['<style>body{display:none}</style>text', 'text'],
    ['<iframe src="https://evil.example"></iframe>text', 'text'],
    ['<p onclick="alert(1)" onmouseover="alert(2)">text</p>', '<p>text</p>'],
    ['<p style="background:url(javascript:alert(1))">text</p>', '<p>text</p>'],
    ['<math><mi xlink:href="javascript:alert(1)">m</mi></math>', ''],
    ['<object data="x.swf"></object><embed src="x.swf">text', 'text'],
    ['<form action="https://evil.example"><input value="x"><button>go</button></form>', 'go'],
    ['<div><h1>Big</h1></div>', 'Big'],
    ['<!-- <script>alert(1)</script> -->text', 'text'],
  ])('strips %s', (html, out) => {
    expect(sanitizeRichText(html)).toBe(out);
  });

  it.each([
    '<scr<script>ipt>alert(1)</script>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<<script>script>alert(1)<</script>/script>',
    '<img """><script>alert(1)</script>">',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  ])('leaves no executable markup in %s', (html) => {
    const out = sanitizeRichText(html);
    expect(out).not.toMatch(/<\s*(script|img|svg|iframe|noscript)/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/javascript:/i);
  });
});

describe('richTextToPlain', () => {
  it('removes tags, decodes entities and collapses whitespace', () => {
    expect(
      richTextToPlain(
        '<h2>Budget</h2>\n\n<p>Fish &amp; chips &lt;today&gt; &quot;free&quot;&nbsp;&nbsp;for\tall</p>' +
          '<ul><li>one</li><li>two</li></ul>line<br>break',
      ),
    ).toBe('Budget Fish & chips <today> "free" for all one two line break');
  });

  it('does not split words at inline tags', () => {
    expect(
      richTextToPlain(
        '<p>un<strong>believ</strong><em>able</em> <a href="https://x.org">link</a></p>',
      ),
    ).toBe('unbelievable link');
  });

  it('keeps CJK text and drops what the sanitizer drops', () => {
    expect(
      richTextToPlain(
        '<p lang="ko">서울</p><script>alert(1)</script><p lang="ja">東京</p><p>北京</p>',
      ),
    ).toBe('서울 東京 北京');
  });

  it('decodes an escaped ampersand only once', () => {
    expect(richTextToPlain('<p>&amp;lt;b&amp;gt; is literal</p>')).toBe('&lt;b&gt; is literal');
  });

  it('returns an empty string for markup without text', () => {
    expect(richTextToPlain('<p> </p><img src=x><hr>')).toBe('');
  });
});
