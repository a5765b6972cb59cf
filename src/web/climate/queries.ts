/** The climate API as React Query hooks. Keys start with 'climate' so one call refreshes them. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, query } from '../api';
import type { Government, PageOf } from '../types';
import type {
  Action,
  ClimateSummary,
  EmissionsSeries,
  History,
  HistoryEntityType,
  ImportKind,
  ImportLayout,
  ImportRun,
  ImportRunRow,
  Inventory,
  InventorySummary,
  Target,
} from './types';

const enc = encodeURIComponent;
const noRetryOnClientError = (failures: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && failures < 1;

export function useGovernment(slug: string) {
  return useQuery({
    queryKey: ['government', slug],
    queryFn: () => api.get<Government>(`/api/v1/governments/${enc(slug)}`),
    retry: noRetryOnClientError,
  });
}

export function useTargets(slug: string, asOf: number | null, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['climate', slug, 'targets', asOf],
    queryFn: () =>
      api.get<{ items: Target[]; asOfYear: number }>(
        `/api/v1/governments/${enc(slug)}/targets${query({ asOf })}`,
      ),
  });
}

export function useTarget(id: number | null) {
  return useQuery({
    queryKey: ['climate', 'target', id],
    queryFn: () => api.get<Target>(`/api/v1/targets/${id}`),
    enabled: id !== null,
    retry: noRetryOnClientError,
  });
}

export function useEmissions(slug: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['climate', slug, 'emissions'],
    queryFn: () => api.get<EmissionsSeries>(`/api/v1/governments/${enc(slug)}/emissions`),
  });
}

export function useInventories(slug: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['climate', slug, 'inventories'],
    queryFn: () =>
      api.get<{ items: InventorySummary[] }>(`/api/v1/governments/${enc(slug)}/inventories`),
  });
}

export function useInventory(id: number | null) {
  return useQuery({
    queryKey: ['climate', 'inventory', id],
    queryFn: () => api.get<Inventory>(`/api/v1/inventories/${id}`),
    enabled: id !== null,
    retry: noRetryOnClientError,
  });
}

export function useActions(slug: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['climate', slug, 'actions'],
    queryFn: () => api.get<{ items: Action[] }>(`/api/v1/governments/${enc(slug)}/actions`),
  });
}

export function useHistory(entityType: HistoryEntityType, id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['climate', 'history', entityType, id],
    queryFn: () => api.get<History>(`/api/v1/history/${entityType}/${id}`),
    enabled,
  });
}

export function useClimateSummary(region: string, asOf: number | null) {
  return useQuery({
    queryKey: ['climate', 'summary', region, asOf],
    queryFn: () =>
      api.get<ClimateSummary>(`/api/v1/climate/summary${query({ region: region || null, asOf })}`),
    // The previous region stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useImportRun(id: number | null) {
  return useQuery({
    queryKey: ['climate', 'import', id],
    queryFn: () => api.get<ImportRun>(`/api/v1/imports/${id}`),
    enabled: id !== null,
    // Poll twice a second while the server works through the file.
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
}

export function useImportRows(id: number | null, page: number, action: string, enabled: boolean) {
  return useQuery({
    queryKey: ['climate', 'import', id, 'rows', page, action],
    queryFn: () =>
      api.get<PageOf<ImportRunRow>>(
        `/api/v1/imports/${id}/rows${query({ page, action: action || null })}`,
      ),
    enabled: id !== null && enabled,
  });
}

/** The column layouts saved for a kind of file. */
export function useSavedLayouts(kind: ImportKind) {
  return useQuery({
    queryKey: ['climate', 'imports', 'layouts', kind],
    queryFn: async () =>
      (await api.get<{ items: ImportLayout[] }>(`/api/v1/imports/layouts${query({ kind })}`)).items,
  });
}

/**
 * Recent import runs. The contract has no list endpoint yet: a 404 or 405 yields null, and the
 * page then lists the runs started in this browser session.
 */
export function useRecentImports() {
  return useQuery({
    queryKey: ['climate', 'imports'],
    queryFn: async () => {
      try {
        const result = await api.get<{ items: ImportRun[] } | PageOf<ImportRun>>(
          `/api/v1/imports${query({ pageSize: 10 })}`,
        );
        return result.items;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
          return null;
        }
        throw error;
      }
    },
    retry: false,
  });
}

/** After any change to a government's climate records: its lists, the dashboard, histories. */
export function refreshClimate(queryClient: QueryClient, slug: string): void {
  void queryClient.invalidateQueries({ queryKey: ['climate', slug] });
  void queryClient.invalidateQueries({ queryKey: ['climate', 'summary'] });
  void queryClient.invalidateQueries({ queryKey: ['climate', 'history'] });
  void queryClient.invalidateQueries({ queryKey: ['climate', 'target'] });
  void queryClient.invalidateQueries({ queryKey: ['climate', 'inventory'] });
}
