import { LmsSyncStatus } from '../components/sync-status/lms-sync-status.js';
import { defineElement } from './define-element.js';

defineElement('lms-sync-status', LmsSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'lms-sync-status': LmsSyncStatus;
  }
}
