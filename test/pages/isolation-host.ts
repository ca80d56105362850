/**
 * An LMS page for the isolated-mode tests, opened as `http://lms.localhost:<port>/…/isolation-host.html`
 * with `?db=<database>&host=<content host URL>&lessons=<JSON [{ id, src }]>` or `&src=<course URL>` (`host` empty:
 * same-origin mode).
 * The content host is `content.lms.localhost`: another origin of the same site, as `content.example.com`
 * beside `www.example.com` would be. Exposes the player, its storage and what the content frame holds.
 */
import '../../packages/elements/src/all.js';
import { browserSigner } from '@lms-kit/certificates';
import { configureServiceWorker, listPackages, openPackageDatabase } from '@lms-kit/scorm';
import { DexieAdapter } from '@lms-kit/storage/dexie';
import type { Course } from '@lms-kit/core';
import { TEST_SERVICE_WORKER } from '../../packages/elements/test/scorm-helpers.js';

configureServiceWorker(TEST_SERVICE_WORKER);
const params = new URLSearchParams(location.search);
const database = params.get('db') ?? 'lms-kit';
const lessons = JSON.parse(params.get('lessons') ?? '[]') as Array<{ id: string; src: string }>;
const course: Course = {
  schema: 1,
  id: 'isolation-course',
  title: 'Isolation',
  modules: [{ id: 'm', title: 'Packages', lessons: lessons.map(({ id, src }) => ({ id, kind: 'scorm' as const, title: id, src })) }],
};

// What a hostile package would want: a secret in storage and cookies, and the learner's certificate key.
localStorage.setItem('host-secret', 'learner data');
document.cookie = 'host-secret=1; path=/';
const signer = browserSigner();
const issuer = signer.issuerId();

const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'ada@example.com');
provider.setAttribute('database', database);
if (params.get('host')) provider.setAttribute('content-host', params.get('host') as string);
const player = document.createElement('lms-course-player');
// `src`: a course or package URL (a cmi5 zip, say) instead of the `lessons`.
if (params.get('src')) player.setAttribute('src', params.get('src') as string);
else (player as unknown as { course: Course }).course = course;
provider.append(player);
void issuer.then(() => document.body.append(provider));

// `second`: a second player on the page (another course), launched at the same time as the first.
const second = JSON.parse(params.get('second') ?? 'null') as Array<{ id: string; src: string }> | null;
if (second) {
  const other = provider.cloneNode() as HTMLElement;
  const otherPlayer = document.createElement('lms-course-player');
  (otherPlayer as unknown as { course: Course }).course = {
    ...course,
    id: 'other-course',
    modules: [{ id: 'm', title: 'Packages', lessons: second.map(({ id, src }) => ({ id, kind: 'scorm' as const, title: id, src })) }],
  };
  other.append(otherPlayer);
  void issuer.then(() => document.body.append(other));
}

const errors: string[] = [];
player.addEventListener('lms-error', (event) => errors.push(event.detail.error.code));
const storage = new DexieAdapter({ databaseName: database });

interface ScormView extends HTMLElement {
  session?: { api: { getFlattenedCMI(): Record<string, string> }; startingCmi: unknown };
}
const view = () => player.shadowRoot?.querySelector('lms-scorm-lesson') as ScormView | null;

Object.assign(window, {
  player,
  errors,
  storage,
  issuer,
  signer,
  /** The SCO's CMI data as the LMS holds it (flattened). */
  cmi: () => view()?.session?.api.getFlattenedCMI() ?? {},
  frame: () => {
    const frame = view()?.shadowRoot?.querySelector('iframe');
    return frame ? { src: frame.src, sandbox: frame.getAttribute('sandbox') } : undefined;
  },
  /** The CMI data the SCO was launched with, as JSON. */
  startingCmi: () => JSON.stringify(view()?.session?.startingCmi),
  /** The frame of the cmi5 lesson shown. */
  auFrame: () => {
    const frame = player.shadowRoot?.querySelector('lms-cmi5-lesson')?.shadowRoot?.querySelector('iframe');
    return frame ? { src: frame.src, sandbox: frame.getAttribute('sandbox') } : undefined;
  },
  /** The error the lesson shows, if any. */
  error: () => view()?.shadowRoot?.querySelector('[part="message"].error')?.textContent?.trim(),
  packages: async () => (await listPackages()).map((pkg) => pkg.id),
  /** A stored package file's text, straight from this origin's package database. */
  fileText: async (packageId: string, path: string) => {
    const db = await openPackageDatabase();
    const request = db.transaction('files').objectStore('files').get([packageId, path]);
    const file = await new Promise<{ data: Blob } | undefined>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as { data: Blob } | undefined);
      request.onerror = () => reject(request.error);
    });
    return file?.data.text();
  },
  serviceWorkers: async () => (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
});
