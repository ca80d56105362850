/**
 * Streaks count calendar days in the learner's own time zone: a lesson at 23:30 in Tokyo is that day
 * there, whatever UTC says.
 */

/** `YYYY-MM-DD` of `date` in `timeZone` (an IANA name; default the runtime's). */
export function dayOf(date: Date | string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof date === 'string' ? new Date(date) : date,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const dayNumber = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;

/**
 * Length of the run of consecutive active days ending on `today` or the day before (a streak is not
 * broken until a whole day passes without learning).
 */
export function currentStreak(activeDays: Iterable<string>, today: string): { days: number; lastDay?: string } {
  const days = new Set(activeDays);
  let end = dayNumber(today);
  if (!days.has(today)) end -= 1;
  const key = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  if (!days.has(key(end))) return { days: 0 };
  let length = 0;
  while (days.has(key(end - length))) length++;
  return { days: length, lastDay: key(end) };
}
