import type { LmsError } from '@lms-kit/core';
import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/localize.js';

/** The error state of an element whose content could not load: the problem, and every validation issue with its path. */
export function renderLoadError(error: LmsError, t: Translate, className = '') {
  return html`<div part="base" class=${className} role="alert">
    <p><strong>${t('error.title')}</strong></p>
    <p class="error">${error.issues.length ? error.message.split('\n')[0] : error.message}</p>
    ${
      error.issues.length
        ? html`<ul class="issues">
            ${error.issues.map((issue) => html`<li>${issue.path ? `${issue.path}: ` : ''}${issue.message}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
