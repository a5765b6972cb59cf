/** The applications API through react-query. */
import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ApplicationDetail,
  ApplicationQueue,
  ApplicationStatus,
  OfficerInvitation,
} from '../../server/applications/schemas';
import { api, ApiError, query } from '../api';

export type Status = Static<typeof ApplicationStatus>;
export type Queue = Static<typeof ApplicationQueue>;
export type Detail = Static<typeof ApplicationDetail>;
export type Invitation = Static<typeof OfficerInvitation>;

export const APPLICATIONS_KEY = ['applications'] as const;
export const statusKey = (token: string) => ['application-status', token] as const;
export const detailKey = (id: number) => [...APPLICATIONS_KEY, 'one', id] as const;

/** Unknown links, lock-outs and used invitations are answers, not failures worth retrying. */
const noRetryOn4xx = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 1;

export function useApplicationStatus(token: string) {
  return useQuery({
    queryKey: statusKey(token),
    queryFn: () => api.get<Status>(`/api/v1/apply/${encodeURIComponent(token)}`),
    retry: noRetryOn4xx,
  });
}

export interface QueueFilter {
  step?: string | undefined;
  country?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

export function useApplicationQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'queue', filter],
    queryFn: () => api.get<Queue>(`/api/v1/applications${query({ ...filter, pageSize: 50 })}`),
  });
}

export function useApplicationDetail(id: number) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api.get<Detail>(`/api/v1/applications/${id}`),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['officer-invitation', token],
    queryFn: () => api.get<Invitation>(`/api/v1/account-invitations/${encodeURIComponent(token)}`),
    retry: noRetryOn4xx,
  });
}
