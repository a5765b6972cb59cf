/** The network's regions and governments, for the maps, filters and counts several areas show. */
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api';
import type { GovernmentSummary, PageOf, Region } from '../types';

const PAGE_LIMIT = 200;
/** Enough for any region of the network; stops a runaway loop if the server misreports. */
const MAX_PAGES = 25;

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/regions'),
    staleTime: 5 * 60_000,
  });
}

/** Every government of a region (or of the network), for maps and filter choices. */
export async function fetchAllGovernments(region: string | null): Promise<GovernmentSummary[]> {
  const all: GovernmentSummary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await api.get<PageOf<GovernmentSummary>>(
      `/api/v1/governments${query({ region, page, pageSize: PAGE_LIMIT })}`,
    );
    all.push(...result.items);
    if (result.items.length === 0 || all.length >= result.total) break;
  }
  return all;
}

export function useAllGovernments(region: string | null) {
  return useQuery({
    queryKey: ['governments', 'all', region],
    queryFn: () => fetchAllGovernments(region),
    staleTime: 5 * 60_000,
  });
}
