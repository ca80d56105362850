/**
 * The LMS side the CATAPULT LMS test suite drives: LMS Kit's cmi5 import, launch, waive and abandon
 * over the learner's IndexedDB, the service worker's LRS facade for the AUs, and the statement sync
 * to a real LRS. The suite's adapter (`lms-kit.cjs`) calls `window.lmsKitCatapult` in this page.
 */
import { type Agent, uuid } from '@lms-kit/core';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import { LrsSync } from '@lms-kit/xapi';
import {
  Cmi5Collections,
  allAus,
  cmi5Actor,
  cmi5Urls,
  endSession,
  importCmi5Course,
  launchAu,
  waiveAu,
  type Cmi5CourseRecord,
  type Cmi5Learner,
  type Cmi5Session,
  type LaunchMode,
} from '@lms-kit/xapi/cmi5';

const DATABASE = 'catapult';
const params = new URLSearchParams(location.search);
const storage = new DexieAdapter({ databaseName: DATABASE });
const urls = cmi5Urls(new URL('lms-kit/cmi5/', location.href).href, DATABASE);
const sync = new LrsSync(storage, { endpoint: params.get('lrs') as string, username: 'test', password: 'test' }, { debounceMs: 50 });
/** Learners by registration, so a waive names the learner that was launched. */
const learners = new Map<string, Cmi5Learner>();

async function learnerOf(actor: Agent): Promise<Cmi5Learner> {
  const id = actor.account ? `${actor.account.homePage}|${actor.account.name}` : String(actor.mbox);
  return { id, actor: await cmi5Actor({ id, actor }, location.origin) };
}

async function course(courseId: string): Promise<Cmi5CourseRecord> {
  const record = await storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, courseId);
  if (!record) throw new Error(`No course ${courseId}`);
  return record;
}

const api = {
  /** Imports a package given as base64; resolves to the course id, or `{ invalid: message }` when LMS Kit refuses it. */
  async importCourse(base64: string, type: string): Promise<string | { invalid: string; code: string }> {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    try {
      return (await importCmi5Course(storage, url, { contentRoot: urls.contentRoot })).id;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('cmi5/')) return { invalid: (error as Error).message, code };
      throw error;
    } finally {
      URL.revokeObjectURL(url);
    }
  },

  async launch(
    courseId: string,
    auIndex: number,
    actor: Agent,
    registration: string | null,
    launchMode: LaunchMode | null,
  ): Promise<string> {
    registration ??= uuid();
    const record = await course(courseId);
    const au = allAus(record.structure.children)[auIndex];
    const learner = await learnerOf(actor);
    learners.set(registration, learner);
    const launch = await launchAu(storage, {
      course: record,
      auId: au.id,
      learner,
      registration,
      endpoints: urls,
      launchMode: launchMode ?? undefined,
    });
    return launch.url;
  },

  async waive(registration: string, auIndex: number, reason: string): Promise<void> {
    const learner = learners.get(registration);
    if (!learner) throw new Error(`No launch for registration ${registration}`);
    const sessions = await storage.listRecords<Cmi5Session>(Cmi5Collections.sessions, { learnerId: learner.id });
    const record = await course(sessions.find((session) => session.registration === registration)?.courseId as string);
    const au = allAus(record.structure.children)[auIndex];
    await waiveAu(storage, record, learner, registration, au.id, reason as Parameters<typeof waiveAu>[5]);
  },

  abandon: (sessionId: string) => endSession(storage, sessionId),

  /** Sends everything queued to the LRS; resolves once the outbox is empty. */
  async flush(): Promise<number> {
    for (let round = 0; round < 50; round++) {
      await sync.syncNow();
      const left = (await storage.readOutbox(1)).length;
      if (left === 0) return round;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The outbox did not drain: ${JSON.stringify(sync.status)}`);
  },
};

async function start(): Promise<void> {
  await storage.open();
  const registration = await navigator.serviceWorker.register(params.get('sw') as string, { scope: '/' });
  await navigator.serviceWorker.ready;
  if (!registration.active) throw new Error('The service worker did not activate');
  await sync.start();
  Object.assign(window, { lmsKitCatapult: api });
  document.body.dataset.ready = 'true';
}

start().catch((error: Error) => {
  document.body.dataset.ready = 'false';
  document.body.textContent = `LMS failed to start: ${error.message}`;
});
