import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { LatestNews, LATEST_NEWS_COUNT } from './LatestNews';
import { NEWS_KEY } from './queries';
import type { NewsPage, NewsSummary } from './types';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

const post = (id: number, title: string): NewsSummary => ({
  id,
  slug: `post-${id}`,
  status: 'published',
  publishedAt: '2026-03-0' + String(id) + 'T09:00:00.000Z',
  lang: 'en',
  languages: ['en'],
  title,
  summary: `Summary of ${title}`,
  cover: null,
  isDemo: false,
});

/** The home page's news section with the news API answering `page` (as the browser would fetch it). */
function renderNews(page: NewsPage): string {
  const client = new QueryClient();
  client.setQueryData(
    [
      ...NEWS_KEY,
      'list',
      { lang: 'en', page: 1, pageSize: LATEST_NEWS_COUNT, status: 'published' },
    ],
    page,
  );
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <LatestNews />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the home page's latest news", () => {
  it('lists the newest published posts, linked, with the way to all news', () => {
    const html = renderNews({
      items: [post(2, 'Second meeting'), post(1, 'First meeting')],
      total: 5,
      page: 1,
      pageSize: LATEST_NEWS_COUNT,
    });
    expect(html).not.toContain('No news yet');
    expect(html).toContain('Second meeting');
    expect(html).toContain('href="/news/post-2"');
    expect(html).toContain('First meeting');
    expect(html).toContain('All news (5)');
  });

  it('says there is no news only when none is published', () => {
    const html = renderNews({ items: [], total: 0, page: 1, pageSize: LATEST_NEWS_COUNT });
    expect(html).toContain('No news yet');
    expect(html).not.toContain('data-testid="home-news-all"');
  });
});
