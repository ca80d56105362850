/** ISO 8601 duration as xAPI expects it, e.g. `PT1H2M3.5S`; hundredths of a second are kept. */
export function toIsoDuration(ms: number): string {
  const totalCentis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(totalCentis / 360000);
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const seconds = (totalCentis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** Parses `PnDTnHnMnS` durations (the forms xAPI and SCORM 2004 use) into milliseconds. */
export function fromIsoDuration(duration: string): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return Math.round((((d as number) * 24 + (h as number)) * 3600 + (m as number) * 60 + (s as number)) * 1000);
}
