/**
 * Time zones as people know them: "Seoul (Korean Standard Time, UTC+9)" rather than the IANA id
 * "Asia/Seoul". The zone's name comes from Intl in the reader's language; the place is the id's
 * last part, as the IANA database spells it.
 */

export interface TimeZoneOption {
  id: string;
  label: string;
  /** Minutes east of UTC at the moment given. */
  offsetMinutes: number;
}

function part(zone: string, locale: string, at: Date, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return parts?.value ?? '';
}

/** Minutes east of UTC of the zone at `at` (Asia/Kolkata: 330). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part(zone, 'en', at, 'longOffset'));
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** "UTC+9", "UTC+5:30", "UTC−3" (a true minus sign), "UTC". */
export function utcOffsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** The place of an IANA id: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zonePlace(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

/** "Seoul (Korean Standard Time, UTC+9)" in English, "Seoul (한국 표준시, UTC+9)" in Korean. */
export function timeZoneLabel(zone: string, locale: string, at: Date): string {
  const offset = utcOffsetText(zoneOffsetMinutes(zone, at));
  if (zone === 'UTC' || zone === 'Etc/UTC') return offset;
  const name = part(zone, locale, at, 'long');
  // Where Intl has no name of its own it gives the offset again ("GMT+09:00"): leave it out.
  return /^(GMT|UTC)([+−-]|$)/.test(name) || !name
    ? `${zonePlace(zone)} (${offset})`
    : `${zonePlace(zone)} (${name}, ${offset})`;
}

/** The zones as options, west to east, then by label. */
export function timeZoneOptions(
  zones: readonly string[],
  locale: string,
  at: Date,
): TimeZoneOption[] {
  return zones
    .map((id) => ({
      id,
      label: timeZoneLabel(id, locale, at),
      offsetMinutes: zoneOffsetMinutes(id, at),
    }))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label, locale));
}

/**
 * The options whose label or id contains every word of the query, in any case ("seoul",
 * "korean", "utc+9", "asia/"); the option `keep` (the chosen zone) always stays.
 */
export function filterTimeZones(
  options: readonly TimeZoneOption[],
  query: string,
  keep?: string,
): TimeZoneOption[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    if (o.id === keep) return true;
    const text = `${o.label} ${o.id.replace(/_/g, ' ')}`.toLocaleLowerCase().replace(/−/g, '-');
    return words.every((w) => text.includes(w.replace(/−/g, '-')));
  });
}
