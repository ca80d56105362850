import { OfflineCourseStore } from '@lms-kit/runtime/offline';
import type { BenchResult } from './support.js';

const COURSE = '/demo/course/food-safety.json';

/** The one-file build's code for the demo course's lesson kinds (from `npm run build`), when it is there. */
async function bundleCode(): Promise<string[]> {
  const response = await fetch('/dist/lms-kit-offline.json').catch(() => undefined);
  if (!response?.ok) return [];
  const list = (await response.json()) as { entry: string; groups: Record<string, string[]> };
  const groups = ['course', 'text', 'video', 'document', 'quiz', 'certificate', 'sync'];
  const files = new Set([list.entry, ...groups.flatMap((group) => list.groups[group] ?? [])]);
  return [...files].map((file) => new URL(`/dist/${file}`, location.href).href);
}

/** Making the demo course available offline over loopback: time, files and bytes, course files alone and with the build's code. */
export default async function (): Promise<BenchResult[]> {
  const store = new OfflineCourseStore();
  const code = await bundleCode();
  const runs: { ms: number; files: number; bytes: number }[] = [];
  for (let i = 0; i < 6; i++) {
    await store.remove(COURSE);
    const start = performance.now();
    const copy = await store.download(COURSE, { extraFiles: code.map((url) => ({ url, role: 'code' as const })) });
    runs.push({ ms: performance.now() - start, files: copy.files, bytes: copy.bytes });
  }
  await store.remove(COURSE);
  const timed = runs.slice(1).sort((a, b) => a.ms - b.ms);
  const median = timed[Math.floor(timed.length / 2)];
  const courseOnly = await (async () => {
    const start = performance.now();
    const copy = await store.download(COURSE);
    const ms = performance.now() - start;
    await store.remove(COURSE);
    return { ms, bytes: copy.bytes, files: copy.files };
  })();
  return [
    {
      name: 'offline: demo course with its code, download time (median of 5)',
      value: Number(median.ms.toFixed(1)),
      unit: 'ms',
      note: 'loopback, no throttling',
    },
    {
      name: 'offline: demo course with its code, files',
      value: median.files,
      unit: 'files',
      note: code.length ? 'code from dist/lms-kit-offline.json' : 'no dist/ build: course files only',
    },
    { name: 'offline: demo course with its code, bytes', value: median.bytes, unit: 'bytes' },
    { name: 'offline: demo course files alone, bytes', value: courseOnly.bytes, unit: 'bytes', note: `${courseOnly.files} files` },
    { name: 'offline: demo course files alone, download time', value: Number(courseOnly.ms.toFixed(1)), unit: 'ms' },
  ];
}
