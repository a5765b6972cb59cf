/** The elections API through react-query; every change to an election refreshes its views. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../api';
import type { PageOf, Person } from '../types';
import type { BodySummary, Election, ElectionList, ElectionResult, VoterRegister } from './types';

export const ELECTIONS_KEY = ['elections'] as const;
const electionKey = (id: number) => [...ELECTIONS_KEY, 'one', id] as const;

export function useElections() {
  return useQuery({
    queryKey: [...ELECTIONS_KEY, 'list'],
    queryFn: () => api.get<ElectionList>('/api/v1/elections'),
  });
}

export function useElection(id: number | null) {
  return useQuery({
    queryKey: electionKey(id ?? 0),
    queryFn: () => api.get<Election>(`/api/v1/elections/${id}`),
    enabled: id !== null,
  });
}

/** The count; the server answers it only once voting has closed. */
export function useElectionResult(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...ELECTIONS_KEY, 'result', id],
    queryFn: () => api.get<ElectionResult>(`/api/v1/elections/${id}/result`),
    enabled,
    // Every request re-runs the count; there is nothing to gain from retrying a refusal.
    retry: false,
  });
}

export function useVoterRegister(id: number) {
  return useQuery({
    queryKey: [...ELECTIONS_KEY, 'voters', id],
    queryFn: () => api.get<VoterRegister>(`/api/v1/elections/${id}/voters`),
  });
}

export function useBodies() {
  return useQuery({
    queryKey: ['bodies'],
    queryFn: () => api.get<{ items: BodySummary[] }>('/api/v1/bodies'),
    staleTime: 5 * 60_000,
  });
}

/** The people recorded at a government, for choosing its leader as candidate. */
export function usePeopleOf(governmentSlug: string | null) {
  return useQuery({
    queryKey: ['people', { government: governmentSlug, pageSize: 200 }],
    queryFn: () =>
      api.get<PageOf<Person>>(
        `/api/v1/people${query({ government: governmentSlug, pageSize: 200 })}`,
      ),
    enabled: governmentSlug !== null,
  });
}

/** Stores an election the server sent back and refreshes everything derived from it. */
export function storeElection(queryClient: QueryClient, election: Election): void {
  queryClient.setQueryData(electionKey(election.id), election);
  void queryClient.invalidateQueries({ queryKey: [...ELECTIONS_KEY, 'list'] });
  void queryClient.invalidateQueries({ queryKey: [...ELECTIONS_KEY, 'voters', election.id] });
  void queryClient.invalidateQueries({ queryKey: [...ELECTIONS_KEY, 'result', election.id] });
}
