import { LmsProvider } from '../components/provider/lms-provider.js';
import { defineElement } from './define-element.js';
import './loaders.js';

defineElement('lms-provider', LmsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'lms-provider': LmsProvider;
  }
}
