/** Seconds of a media file the learner actually watched, as merged [start, end] ranges. */
export type WatchedRanges = Array<[number, number]>;

export function addWatchedRange(ranges: WatchedRanges, start: number, end: number): WatchedRanges {
  if (!(end > start)) return ranges;
  const sorted = [...ranges, [start, end] as [number, number]].sort((a, b) => a[0] - b[0]);
  const merged: WatchedRanges = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    // Ranges closer than a quarter second are one viewing: timeupdate events are ~250 ms apart.
    if (last && s <= last[1] + 0.25) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function watchedSeconds(ranges: WatchedRanges): number {
  return ranges.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/**
 * Turns the media element's `timeupdate` stream into honestly watched ranges: a step counts only if
 * playback moved forward by about as much as wall-clock time allows at the current rate, so seeking
 * or scrubbing ahead adds nothing.
 */
export class WatchTracker {
  private last?: { mediaTime: number; wallTime: number };

  constructor(public ranges: WatchedRanges = []) {}

  /** Call on every `timeupdate` while playing. */
  update(mediaTime: number, wallTimeMs: number, playbackRate: number): void {
    const last = this.last;
    this.last = { mediaTime, wallTime: wallTimeMs };
    if (!last) return;
    const step = mediaTime - last.mediaTime;
    const allowed = ((wallTimeMs - last.wallTime) / 1000) * Math.max(playbackRate, 0) + 0.5;
    if (step > 0 && step <= allowed) this.ranges = addWatchedRange(this.ranges, last.mediaTime, mediaTime);
  }

  /** Call on `seeking`, `pause` and `ended`: the next update starts a new range. */
  interrupt(): void {
    this.last = undefined;
  }

  fraction(duration: number): number {
    if (!(duration > 0)) return 0;
    return Math.min(1, watchedSeconds(this.ranges) / duration);
  }
}
