/** What every benchmark returns: one number with its unit, and how to read it. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** Median of `runs` timings of `work`, after `warmup` untimed runs. */
export async function medianMs(work: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)].toFixed(3));
}
