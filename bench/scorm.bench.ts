import { learnerFromActor } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { closePackageDatabase, importScormPackage, parseManifest, PACKAGE_DATABASE } from '@lms-kit/scorm';
import { ScoSession, ScormStatements } from '@lms-kit/scorm/runtime';
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, strToU8 } from 'fflate';
import { Scorm2004API } from 'scorm-again';
import type { BenchResult } from './support.js';

const MANIFEST = `<?xml version="1.0"?>
<manifest identifier="bench" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Bench</title>
    <item identifier="sco" identifierref="r"><title>SCO</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
</manifest>`;

const CALLS = 500;
const ROUNDS = 31;

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Time per call of SetValue×2 + Commit on one API, in microseconds. */
function timeCalls(api: Scorm2004API, round: number): number {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    api.SetValue('cmi.location', `page-${round}-${i}`);
    api.SetValue('cmi.suspend_data', `state ${i} `.repeat(20));
    api.Commit('');
  }
  return ((performance.now() - start) * 1000) / CALLS;
}

/**
 * Per-call times of both APIs and their ratio, measured in pairs: each round times one API right after
 * the other (which goes first alternates), so both get the same machine even when other work comes
 * and goes; the ratio is the median of the rounds' ratios.
 */
function paired(raw: Scorm2004API, ours: Scorm2004API, rounds = ROUNDS): { rawUs: number; oursUs: number; ratio: number } {
  const rawTimes: number[] = [];
  const ourTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const rawFirst = round % 2 === 0;
    let rawUs = rawFirst ? timeCalls(raw, round) : 0;
    const oursUs = timeCalls(ours, round);
    if (!rawFirst) rawUs = timeCalls(raw, round);
    rawTimes.push(rawUs);
    ourTimes.push(oursUs);
    ratios.push(oursUs / rawUs);
  }
  return { rawUs: median(rawTimes), oursUs: median(ourTimes), ratio: median(ratios) };
}

async function commitBenchmark(): Promise<BenchResult[]> {
  const storage = new DexieAdapter({ databaseName: 'bench-scorm-commits' });
  const learner = learnerFromActor({ mbox: 'bench@example.com' });
  const pkg = parseManifest(MANIFEST);
  const activity = { objectType: 'Activity' as const, id: 'urn:bench:sco' };
  const session = new ScoSession({
    pkg,
    item: pkg.organizations[0].items[0],
    storage,
    learner,
    courseId: 'bench',
    lessonId: 'sco',
    activityId: activity.id,
    statements: (attemptId) =>
      new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco: activity, course: activity, attemptId }),
  });
  await session.prepare();
  (session.api as Scorm2004API).Initialize('');
  // The same SCO data (learner, launch data) in a bare scorm-again: only the persistence differs.
  const raw = new Scorm2004API({ logLevel: 5, autocommit: false });
  raw.loadFromJSON(structuredClone(session.startingCmi));
  raw.Initialize('');
  paired(raw, session.api as Scorm2004API, 4); // warm-up
  const { rawUs, oursUs, ratio } = paired(raw, session.api as Scorm2004API);
  const flushStart = performance.now();
  await session.store.flushed();
  const drainMs = performance.now() - flushStart;
  await storage.close();
  await deleteDatabase('bench-scorm-commits');
  return [
    {
      name: 'SCORM SetValue×2+Commit: raw scorm-again, memory',
      value: Number(rawUs.toFixed(1)),
      unit: 'µs/call',
      note: `median of ${ROUNDS} rounds × ${CALLS}`,
    },
    { name: 'SCORM SetValue×2+Commit: with persistence', value: Number(oursUs.toFixed(1)), unit: 'µs/call', note: 'journal + IndexedDB' },
    {
      name: 'SCORM commit overhead (persisted / raw)',
      value: Number(ratio.toFixed(2)),
      unit: '×',
      note: 'median of paired rounds; goal ≤ 1.1',
    },
    {
      name: 'SCORM IndexedDB writes drained after the calls',
      value: Math.round(drainMs),
      unit: 'ms',
      note: `${(ROUNDS + 4) * CALLS} commits`,
    },
  ];
}

/** A package of `files` files of incompressible bytes (stored, as authoring tools do for media). */
function bigPackage(files: number, bytesPerFile: number): Blob {
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    'imsmanifest.xml': strToU8(MANIFEST),
    'index.html': strToU8('<!doctype html><title>Bench</title>'),
  };
  const chunk = new Uint8Array(bytesPerFile);
  for (let i = 0; i < files; i++) {
    crypto.getRandomValues(chunk.subarray(0, Math.min(65536, bytesPerFile)));
    for (let offset = 65536; offset < bytesPerFile; offset += 65536) chunk.copyWithin(offset, 0, Math.min(65536, bytesPerFile - offset));
    entries[`media/part-${String(i).padStart(4, '0')}.bin`] = [chunk.slice(), { level: 0 }];
  }
  return new Blob([zipSync(entries) as BlobPart], { type: 'application/zip' });
}

/** The baseline: fflate's streaming unzip into Blobs and one IndexedDB transaction of puts. */
async function rawImport(zip: Blob): Promise<void> {
  const files: Array<{ path: string; data: Blob }> = [];
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (_error, data, final) => {
      chunks.push(data);
      if (final) files.push({ path: file.name, data: new Blob(chunks as BlobPart[]) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const reader = (zip.stream() as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    unzip.push(value);
  }
  unzip.push(new Uint8Array(0), true);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-raw-import', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('files');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('files', 'readwrite');
    for (const file of files) transaction.objectStore('files').put(file.data, file.path);
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error);
  });
  db.close();
}

async function withPeakMemory(work: () => Promise<unknown>): Promise<{ ms: number; peakMiB: number }> {
  const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const base = memory();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, memory())), 5);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, memory());
  return { ms, peakMiB: (peak - base) / 1024 / 1024 };
}

async function importBenchmark(): Promise<BenchResult[]> {
  const zip = bigPackage(800, 64 * 1024);
  const size = `${(zip.size / 1024 / 1024).toFixed(1)} MiB, 802 files`;
  const raw = await withPeakMemory(() => rawImport(zip));
  await deleteDatabase('bench-raw-import');
  await closePackageDatabase();
  await deleteDatabase(PACKAGE_DATABASE);
  const ours = await withPeakMemory(() => importScormPackage(zip, { id: 'bench' }));
  await closePackageDatabase();
  await deleteDatabase(PACKAGE_DATABASE);
  return [
    {
      name: 'SCORM import: raw fflate unzip + IndexedDB put',
      value: Math.round(raw.ms),
      unit: 'ms',
      note: `${size}; JS heap peak +${raw.peakMiB.toFixed(0)} MiB`,
    },
    {
      name: 'SCORM import: importScormPackage',
      value: Math.round(ours.ms),
      unit: 'ms',
      note: `${size}; JS heap peak +${ours.peakMiB.toFixed(0)} MiB`,
    },
    {
      name: 'SCORM import overhead (importScormPackage / raw)',
      value: Number((ours.ms / raw.ms).toFixed(2)),
      unit: '×',
      note: 'goal ≤ 1.5',
    },
  ];
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** SCORM runtime and import costs against the libraries used bare. */
export default async function (): Promise<BenchResult[]> {
  return [...(await commitBenchmark()), ...(await importBenchmark())];
}
