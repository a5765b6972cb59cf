import { useMemo } from 'react';
/** The news API through react-query: one key family, so any change refreshes every view of it. */
import { useQuery, keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../api';
import type { BodySummary, MeetingPage, NewsPage, NewsPost, NewsQueryStatus } from './types';

export const NEWS_KEY = ['news'] as const;

export function useNewsList(params: {
  lang: string;
  page: number;
  pageSize: number;
  status?: NewsQueryStatus;
}) {
  return useQuery({
    queryKey: [...NEWS_KEY, 'list', params],
    queryFn: () => api.get<NewsPage>(`/api/v1/news${query({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

export function useNewsPost(slug: string | null, lang: string) {
  return useQuery({
    queryKey: [...NEWS_KEY, 'post', slug, lang],
    queryFn: () =>
      api.get<NewsPost>(`/api/v1/news/${encodeURIComponent(slug ?? '')}${query({ lang })}`),
    enabled: slug !== null,
  });
}

/** The bodies (committees) a post can be linked to. */
export function useBodies() {
  return useQuery({
    queryKey: ['bodies'],
    queryFn: () => api.get<{ items: BodySummary[] }>('/api/v1/bodies'),
    staleTime: 5 * 60_000,
  });
}

/** How many of the newest meetings the news form offers before anything is searched. */
export const NEWEST_MEETINGS = 200;

/**
 * The meetings a post can report on: the newest 200, and, once the editor searches, every
 * meeting the server finds by those words (older ones too), newest first.
 */
export function useMeetingChoices(search: string) {
  const words = search.trim();
  const newest = useQuery({
    queryKey: ['meetings', 'news-choices'],
    queryFn: () =>
      api.get<MeetingPage>(
        `/api/v1/meetings${query({ sort: '-start', pageSize: NEWEST_MEETINGS })}`,
      ),
    staleTime: 60_000,
  });
  // Only when the newest do not hold them all is it worth asking the server.
  const more = newest.data !== undefined && newest.data.total > newest.data.items.length;
  const found = useQuery({
    queryKey: ['meetings', 'news-choices', words],
    queryFn: () =>
      api.get<MeetingPage>(
        `/api/v1/meetings${query({ sort: '-start', pageSize: NEWEST_MEETINGS, q: words })}`,
      ),
    enabled: more && words.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => {
    const all = [...(newest.data?.items ?? [])];
    for (const m of found.data?.items ?? []) if (!all.some((i) => i.id === m.id)) all.push(m);
    return all;
  }, [newest.data, found.data]);
  return { items, isError: newest.isError, error: newest.error };
}

export function refreshNews(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: NEWS_KEY });
}
