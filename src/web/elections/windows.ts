/**
 * The election's four windows are UTC instants; people enter and read them in their own zone.
 * A datetime-local input holds a zone-less wall time, so it is converted here against an
 * explicit IANA zone, never through Date parsing (which would use the machine's zone).
 */
import { utcToZoned, zonedTimeToUtc } from '../../core/governance/time';

export const WINDOW_FIELDS = [
  'nominationsOpen',
  'nominationsClose',
  'votingOpen',
  'votingClose',
] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];
export type Windows = Record<WindowField, string>;

/** The viewer's IANA zone, as the browser reports it (UTC when it reports none). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The value for a datetime-local input ("YYYY-MM-DDTHH:mm") of an instant in a zone. */
export function instantToLocalInput(iso: string, timeZone: string): string {
  try {
    const { date, time } = utcToZoned(iso, timeZone);
    return `${date}T${time}`;
  } catch {
    return '';
  }
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The UTC instant (ISO 8601) of a datetime-local value in a zone; null if it is not one. */
export function localInputToInstant(local: string, timeZone: string): string | null {
  const value = local.trim();
  if (!LOCAL_INPUT.test(value)) return null;
  try {
    return zonedTimeToUtc(value, timeZone);
  } catch {
    return null;
  }
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as date and time with the zone's short name, in the viewer's zone unless one is
 * given. (dateStyle cannot be combined with timeZoneName, hence the separate fields.)
 */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale}|${timeZone ?? ''}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone,
    });
    instantFormats.set(key, format);
  }
  return format.format(date);
}
