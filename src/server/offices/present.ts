import { parseTexts } from '../db/texts';
import type { OfficeRow } from './repository';
import type { Office } from './schemas';

/** An office as the API shows it. */
export function presentOffice(r: OfficeRow): Office {
  return {
    id: r.id,
    slug: r.slug,
    region: r.region_slug,
    kind: r.kind,
    name: r.name,
    names: parseTexts(r.names, { table: 'offices', id: r.id }),
    address: r.address,
    city: r.city,
    country: r.country,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    website: r.website,
    latitude: r.latitude,
    longitude: r.longitude,
    timeZone: r.time_zone,
    version: r.version,
  };
}
