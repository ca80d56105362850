/**
 * Time-zone arithmetic on `Intl` alone (no time-zone database of our own): a session's wall-clock
 * start in its IANA zone, turned into an instant, and shown in another zone and locale.
 */

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (`Europe/Paris` in winter: 3 600 000). */
export function zoneOffsetMs(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of wall-clock `local` (`2027-01-14T14:00`) in `zone`, or undefined when that time does
 * not exist there (skipped by a daylight-saving change). An ambiguous time (repeated) is its first instant.
 */
export function localToUtc(local: string, zone: string): Date | undefined {
  const [date, time] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Try the offsets around the wall time; keep the earliest instant that reads back as the same wall time.
  const candidates = [...new Set([zoneOffsetMs(zone, wall - 86_400_000), zoneOffsetMs(zone, wall), zoneOffsetMs(zone, wall + 86_400_000)])]
    .map((offset) => wall - offset)
    .filter((ms) => ms + zoneOffsetMs(zone, ms) === wall)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]) : undefined;
}

/** Start and end instants of a session. */
export function sessionInterval(session: { startsAt: string; timeZone: string; durationMinutes: number }): { start: Date; end: Date } {
  const start = localToUtc(session.startsAt, session.timeZone) ?? new Date(NaN);
  return { start, end: new Date(start.getTime() + session.durationMinutes * 60_000) };
}

/** `start–end` of an interval in `locale` and `zone`, with the zone's name (`14 Jan 2027, 14:00 – 15:30 CET`). */
export function formatInterval(interval: { start: Date; end: Date }, locale: string, zone: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  const range = format.formatRange(interval.start, interval.end);
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(interval.start)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${range} (${name})` : range;
}
