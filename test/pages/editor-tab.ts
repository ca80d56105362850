/** Test page: <lms-course-editor> autosaving its draft to IndexedDB (database from `?db=`), reachable as `window.editor`. */
import { DexieAdapter } from '@lms-kit/storage/dexie';
import '@lms-kit/elements/define/lms-provider';
import '@lms-kit/elements/define/lms-course-editor';

const provider = document.createElement('lms-provider');
provider.storage = new DexieAdapter({ databaseName: new URLSearchParams(location.search).get('db') ?? 'editor-tab' });
const editor = document.createElement('lms-course-editor');
editor.courseId = 'kept-course';
provider.append(editor);
document.body.append(provider);
Object.assign(window, { editor });
