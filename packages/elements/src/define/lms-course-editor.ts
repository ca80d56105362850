import { LmsCourseEditor } from '../components/course-editor/lms-course-editor.js';
import { registerElementLoader } from '../autoload.js';
import { defineElement } from './define-element.js';

// The live preview: a provider on memory storage and the player, defined here if the page has not yet.
registerElementLoader('lms-provider', () => import('./lms-provider.js'));
registerElementLoader('lms-course-player', () => import('./lms-course-player.js'));
defineElement('lms-course-editor', LmsCourseEditor);

declare global {
  interface HTMLElementTagNameMap {
    'lms-course-editor': LmsCourseEditor;
  }
}
