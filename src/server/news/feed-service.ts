import { textFor } from '../../core/names';
import { nowIso } from '../clock';
import { sanitizeRichText } from '../media/sanitize';
import type { Store } from '../store';
import { attributionLabelsFor } from '../users/attribution';
import { buildAtomFeed, type AtomEntry } from './atom';
import { chosenTranslation } from './present';

type Names = Record<string, string>;

const FEED_SIZE = 50;

const FEED_TITLES: Names = {
  en: 'Accord news',
  ko: 'Accord 소식',
  ja: 'Accord ニュース',
  'zh-Hans': 'Accord 新闻',
  'zh-Hant': 'Accord 新聞',
};

/** The Atom feed of the newest published posts, each in the language asked for if it has it. */
export async function newsFeed(
  store: Store,
  options: { lang: string | undefined; publicUrl: string },
): Promise<string> {
  // Links come from the configured address only: the feed is cached publicly, so anything taken
  // from the request (Host, X-Forwarded-Host) would be served to every later reader.
  const origin = options.publicUrl.replace(/\/+$/, '');
  const hostname = new URL(origin).hostname;
  const { rows } = await store.news.listPosts({ statuses: ['published'] }, 1, FEED_SIZE);
  const translations = await store.news.translationsOf(rows.map((r) => r.id));
  // Everyone reads the same cached feed: authors as the public may see them, never an e-mail.
  const author = await attributionLabelsFor(
    store,
    null,
    rows.map((r) => r.author_label),
  );
  const lang = options.lang ?? 'en';
  const query = options.lang ? `?lang=${encodeURIComponent(options.lang)}` : '';
  const selfUrl = `${origin}/api/v1/news/feed.xml${query}`;
  const entries: AtomEntry[] = rows.map((row) => {
    const { lang: shown, row: t } = chosenTranslation(translations.get(row.id) ?? [], lang);
    const published = row.published_at ?? row.updated_at;
    return {
      id: `tag:${hostname},${published.slice(0, 10)}:news/${row.slug}`,
      title: t?.title ?? row.slug,
      summary: t?.summary ? t.summary : null,
      contentHtml: t ? sanitizeRichText(t.body_html) : null,
      url: `${origin}/news/${row.slug}`,
      published,
      updated: row.updated_at > published ? row.updated_at : published,
      lang: shown,
      authorName: author(row.author_label),
    };
  });
  const newest = entries.reduce<string | undefined>(
    (max, e) => (max === undefined || e.updated > max ? e.updated : max),
    undefined,
  );
  return buildAtomFeed({
    id: selfUrl,
    title: textFor(FEED_TITLES, lang) || 'Accord news',
    selfUrl,
    alternateUrl: `${origin}/news`,
    updated: newest ?? nowIso(),
    lang,
    entries,
  });
}
