import { LmsNotifications } from '../components/notifications/lms-notifications.js';
import { defineElement } from './define-element.js';

defineElement('lms-notifications', LmsNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'lms-notifications': LmsNotifications;
  }
}
