import { LmsLeaderboard } from '../components/leaderboard/lms-leaderboard.js';
import { defineElement } from './define-element.js';

defineElement('lms-leaderboard', LmsLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'lms-leaderboard': LmsLeaderboard;
  }
}
