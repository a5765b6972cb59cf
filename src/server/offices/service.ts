import type { Store } from '../store';
import type { Office } from './schemas';

export async function officesOf(
  store: Store,
  region?: string,
): Promise<{ items: Office[]; total: number }> {
  const rows = await store.offices.listOffices(region);
  const items = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    region: r.region_slug,
    kind: r.kind,
    name: r.name,
    address: r.address,
    city: r.city,
    country: r.country,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    website: r.website,
    latitude: r.latitude,
    longitude: r.longitude,
  }));
  return { items, total: items.length };
}
