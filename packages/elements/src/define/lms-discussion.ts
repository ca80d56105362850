import { LmsDiscussion } from '../components/discussion/lms-discussion.js';
import { defineElement } from './define-element.js';

defineElement('lms-discussion', LmsDiscussion);

declare global {
  interface HTMLElementTagNameMap {
    'lms-discussion': LmsDiscussion;
  }
}
