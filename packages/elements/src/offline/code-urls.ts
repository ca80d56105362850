import { loadLessonKindCode } from '../lessons/registry.js';

/** Groups that are not lesson kinds, for builds without the chunk list: what each loads. */
const GROUPS: Record<string, () => Promise<unknown>> = {
  course: () => Promise.all([import('../course/validate-course.js'), import('@lms-kit/runtime/course')]),
  certificate: () => import('../certificates/issue-on-completion.js'),
  sync: () => import('../sync/start-sync.js'),
  package: () => Promise.all([import('../course/scorm-course.js'), import('../cmi5/load-cmi5-course.js')]),
};

/**
 * Where the one-file build's chunk list is, relative to the chunk this module is in: the build writes
 * it (see `offlineChunks` in rollup.config.mjs). Left as it is, the code is not that build.
 */
const CHUNK_LIST: string = '__LMS_KIT_OFFLINE_CHUNKS__';

/** The one-file build's list: every chunk by what needs it (`course`, `package`, each lesson kind, `certificate`, `sync`). */
interface ChunkList {
  entry: string;
  groups: Record<string, string[]>;
}

/**
 * URLs of the LMS Kit code a course needs offline: the lazily loaded chunks of its lesson kinds and of
 * playing any course. From the build's chunk list when this is `dist/lms-kit.js`; otherwise (a site's own
 * bundler, development) the views are loaded now and every script the page has loaded is kept.
 */
export async function lmsCodeUrls(groups: string[]): Promise<string[]> {
  if (CHUNK_LIST.endsWith('.json')) {
    const listUrl = new URL(CHUNK_LIST, import.meta.url);
    const response = await fetch(listUrl, { cache: 'no-store' }).catch(() => undefined);
    if (response?.ok) {
      const list = (await response.json()) as ChunkList;
      const files = [list.entry, ...groups.flatMap((group) => list.groups[group] ?? [])];
      return [...new Set(files)].map((file) => new URL(file, listUrl).href);
    }
  }
  await Promise.all(groups.map((group) => (GROUPS[group]?.() ?? loadLessonKindCode(group)).catch(() => undefined)));
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith('http') && /\.(m?js|tsx?)$/.test(new URL(url).pathname));
}
