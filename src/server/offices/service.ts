import type { Store } from '../store';
import { presentOffice } from './present';
import type { Office } from './schemas';

export async function officesOf(
  store: Store,
  region?: string,
): Promise<{ items: Office[]; total: number }> {
  const items = (await store.offices.listOffices(region)).map(presentOffice);
  return { items, total: items.length };
}
