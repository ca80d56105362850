import { LmsCoursePlayer } from '../components/course-player/lms-course-player.js';
import { defineElement } from './define-element.js';
import './loaders.js';

defineElement('lms-course-player', LmsCoursePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'lms-course-player': LmsCoursePlayer;
  }
}
