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

/** The meetings a post can report on, newest first (the latest 200). */
export function useMeetingChoices() {
  return useQuery({
    queryKey: ['meetings', 'news-choices'],
    queryFn: () =>
      api.get<MeetingPage>(`/api/v1/meetings${query({ sort: '-start', pageSize: 200 })}`),
    staleTime: 60_000,
  });
}

export function refreshNews(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: NEWS_KEY });
}
