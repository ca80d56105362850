/** Test page: a course draft autosaved to IndexedDB (database from `?db=`), edited through `window.draft`. */
import { CourseDraft } from '@lms-kit/runtime/authoring';
import { DexieAdapter } from '@lms-kit/storage/dexie';

const storage = new DexieAdapter({ databaseName: new URLSearchParams(location.search).get('db') ?? 'draft-tab' });
const draft = await CourseDraft.open({ schema: 1, id: 'draft-course', title: 'Draft', modules: [] }, { storage });
Object.assign(window, { draft, ready: true });
