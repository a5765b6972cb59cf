/** The governance data the pages read, cached by react-query under 'governance' keys. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../api';
import type {
  Body,
  BodySummary,
  Meeting,
  MeetingPage,
  MeetingStatus,
  SeatHistory,
  Term,
} from './types';

export const governanceKeys = {
  all: ['governance'] as const,
  bodies: ['governance', 'bodies'] as const,
  body: (slug: string) => ['governance', 'body', slug] as const,
  term: (id: number) => ['governance', 'term', id] as const,
  seatHistory: (id: number) => ['governance', 'seat-history', id] as const,
  meetings: ['governance', 'meetings'] as const,
  meeting: (id: number) => ['governance', 'meeting', id] as const,
};

export function useBodies() {
  return useQuery({
    queryKey: governanceKeys.bodies,
    queryFn: () => api.get<{ items: BodySummary[] }>('/api/v1/bodies'),
    staleTime: 60_000,
  });
}

export function useBody(slug: string) {
  return useQuery({
    queryKey: governanceKeys.body(slug),
    queryFn: () => api.get<Body>(`/api/v1/bodies/${encodeURIComponent(slug)}`),
    // The meeting form asks for its body's terms only once a body is chosen.
    enabled: slug !== '',
  });
}

export function useTerm(id: number) {
  return useQuery({
    queryKey: governanceKeys.term(id),
    queryFn: () => api.get<Term>(`/api/v1/terms/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useSeatHistory(id: number) {
  return useQuery({
    queryKey: governanceKeys.seatHistory(id),
    queryFn: () => api.get<SeatHistory>(`/api/v1/seats/${id}/history`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export interface MeetingFilters {
  body?: string;
  status?: MeetingStatus | '';
  page: number;
  pageSize: number;
}

/** Meetings newest first, the order people look for minutes in. */
export function useMeetings(filters: MeetingFilters) {
  return useQuery({
    queryKey: [...governanceKeys.meetings, filters],
    queryFn: () =>
      api.get<MeetingPage>(
        `/api/v1/meetings${query({
          body: filters.body,
          status: filters.status,
          sort: '-start',
          page: filters.page,
          pageSize: filters.pageSize,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: governanceKeys.meeting(id),
    queryFn: () => api.get<Meeting>(`/api/v1/meetings/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Most writes answer with the whole meeting: show it at once, and let lists refetch. */
export function storeMeeting(queryClient: QueryClient, meeting: Meeting): void {
  queryClient.setQueryData(governanceKeys.meeting(meeting.id), meeting);
  void queryClient.invalidateQueries({ queryKey: governanceKeys.meetings });
}

/** After a change to a body, its terms or seats, everything shown about it is stale. */
export function refreshBody(queryClient: QueryClient, slug: string): void {
  void queryClient.invalidateQueries({ queryKey: governanceKeys.body(slug) });
  void queryClient.invalidateQueries({ queryKey: governanceKeys.bodies });
  void queryClient.invalidateQueries({ queryKey: ['governance', 'term'] });
  void queryClient.invalidateQueries({ queryKey: ['governance', 'seat-history'] });
}
