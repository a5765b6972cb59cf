/** Types of the API's payloads, taken from the server's TypeBox schemas (types only). */
export type {
  Government,
  GovernmentSummary,
  OfficeHolder,
  Region,
} from '../server/members/schemas';
export type { Office } from '../server/offices/schemas';
export type { User } from '../server/users/schemas';
export type { Person, Position } from '../server/people/schemas';
export type { AuditEntry } from '../server/audit/schemas';
export type {
  FeeScheduleVersion,
  Invoice,
  MembershipView,
  Period,
} from '../server/membership/schemas';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
