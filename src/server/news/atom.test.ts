import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, type AtomEntry } from './atom';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

function entry(overrides: Partial<AtomEntry> = {}): AtomEntry {
  return {
    id: 'tag:accord.example,2024:news/1',
    title: 'Network summit announced',
    summary: 'Mayors meet in Busan.',
    contentHtml: '<p>Mayors meet in <b>Busan</b>.</p>',
    url: 'https://accord.example/news/1',
    published: '2024-05-01T09:00:00.000Z',
    updated: '2024-05-02T10:30:00.000Z',
    lang: 'en',
    authorName: 'Secretariat',
    categories: ['events'],
    ...overrides,
  };
}

function feedXml(entries: AtomEntry[], extra: { subtitle?: string } = {}): string {
  return buildAtomFeed({
    id: 'urn:accord:news',
    title: 'Accord news',
    selfUrl: 'https://accord.example/news.atom',
    alternateUrl: 'https://accord.example/news',
    updated: '2024-05-02T10:30:00+09:00',
    lang: 'en',
    entries,
    ...extra,
  });
}

function parseFeed(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { feed: Node };
  return doc.feed;
}

function entries(feed: Node): Node[] {
  return (feed.entry as Node[] | undefined) ?? [];
}

/** Text of an element that may carry attributes (then the parser nests it under #text). */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  return String((node as Node)['#text'] ?? '');
}

describe('buildAtomFeed', () => {
  it('writes the feed head', () => {
    const xml = feedXml([entry()], { subtitle: 'From the secretariat' });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const feed = parseFeed(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('en');
    expect(feed.id).toBe('urn:accord:news');
    expect(textOf(feed.title)).toBe('Accord news');
    expect(textOf(feed.subtitle)).toBe('From the secretariat');
    // The +09:00 input is normalised to UTC.
    expect(feed.updated).toBe('2024-05-02T01:30:00Z');
    expect(feed.generator).toBe('Accord');
    expect(feed.link).toEqual([
      {
        '@_rel': 'self',
        '@_type': 'application/atom+xml',
        '@_href': 'https://accord.example/news.atom',
      },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://accord.example/news' },
    ]);
  });

  it('omits the subtitle when none is given', () => {
    expect(parseFeed(feedXml([])).subtitle).toBeUndefined();
  });

  it('writes every entry field', () => {
    const e = only(entries(parseFeed(feedXml([entry({ categories: ['events', 'climate'] })]))));
    expect(e['@_xml:lang']).toBe('en');
    expect(e.id).toBe('tag:accord.example,2024:news/1');
    expect(textOf(e.title)).toBe('Network summit announced');
    expect(e.link).toEqual([
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://accord.example/news/1' },
    ]);
    expect(e.published).toBe('2024-05-01T09:00:00Z');
    expect(e.updated).toBe('2024-05-02T10:30:00Z');
    expect(e.author).toEqual({ name: 'Secretariat' });
    expect(e.summary).toEqual({ '#text': 'Mayors meet in Busan.', '@_type': 'text' });
    expect((e.content as Node)['@_type']).toBe('html');
    expect((e.category as Node[]).map((c) => c['@_term'])).toEqual(['events', 'climate']);
  });

  it('omits summary, content and categories when absent', () => {
    const e = only(
      entries(parseFeed(feedXml([entry({ summary: null, contentHtml: null, categories: [] })]))),
    );
    expect(e.summary).toBeUndefined();
    expect(e.content).toBeUndefined();
    expect(e.category).toBeUndefined();
  });

  it('carries HTML content, script tags and ampersands as escaped text', () => {
    const html = '<p>Tom &amp; Jerry & co</p><script>alert("x\'y")</script>';
    const xml = feedXml([entry({ contentHtml: html, summary: 'A < B && C > D' })]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<p>');
    const e = only(entries(parseFeed(xml)));
    expect(textOf(e.content)).toBe(html);
    expect(textOf(e.summary)).toBe('A < B && C > D');
  });

  it('escapes quotes in attribute values', () => {
    const url = 'https://accord.example/news?a=1&b="2"&c=\'3\'';
    const e = only(entries(parseFeed(feedXml([entry({ url, categories: ['a&b <c>'] })]))));
    expect((e.link as Node[])[0]?.['@_href']).toBe(url);
    expect((e.category as Node[])[0]?.['@_term']).toBe('a&b <c>');
  });

  it('keeps Korean and Japanese text intact', () => {
    const title = '지방정부 협의회 정기총회 — 탄소중립 공동선언';
    const xml = feedXml([entry({ title, lang: 'ko', authorName: '서울특별시' })]);
    const e = only(entries(parseFeed(xml)));
    expect(textOf(e.title)).toBe(title);
    expect(e['@_xml:lang']).toBe('ko');
    expect(e.author).toEqual({ name: '서울특별시' });
    expect(xml).toContain(title);
  });

  it('writes a valid feed with no entries', () => {
    const xml = feedXml([]);
    const feed = parseFeed(xml);
    expect(entries(feed)).toEqual([]);
    expect(xml).not.toContain('<entry');
  });

  it('keeps entries in the given order', () => {
    const ids = ['urn:accord:news:3', 'urn:accord:news:1', 'urn:accord:news:2'];
    const feed = parseFeed(feedXml(ids.map((id) => entry({ id }))));
    expect(entries(feed).map((e) => e.id)).toEqual(ids);
  });

  it('removes characters XML 1.0 does not allow', () => {
    const xml = feedXml([
      entry({
        title: 'Bad\u0001 char\u0008s\uFFFE',
        summary: 'tab\tkept\u001F',
        categories: ['x\u0000y'],
      }),
    ]);
    const forbidden = [...xml].filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return (cp < 0x20 && !'\t\n\r'.includes(ch)) || cp === 0xfffe;
    });
    expect(forbidden).toEqual([]);
    const e = only(entries(parseFeed(xml)));
    expect(textOf(e.title)).toBe('Bad chars');
    expect(textOf(e.summary)).toBe('tab\tkept');
    expect((e.category as Node[])[0]?.['@_term']).toBe('xy');
  });

  it('rejects timestamps that are not instants', () => {
    expect(() => feedXml([entry({ published: 'yesterday' })])).toThrow(/entry.published/);
    expect(() => feedXml([entry({ updated: '2024-05-02T10:30:00' })])).toThrow(RangeError);
  });
});

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}
