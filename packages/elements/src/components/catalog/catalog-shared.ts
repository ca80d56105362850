/** What the catalog and the learner dashboard render alike: the continue control, states, and the shared look. */
import { isLmsError } from '@lms-kit/core';
import type { ContinueTarget } from '@lms-kit/runtime/catalog';
import { css, html } from 'lit';
import { LmsContinueEvent } from '../../events/continue.js';
import { LmsErrorEvent } from '../../events/error.js';
import { registerMessages } from '../../i18n/localize.js';
import { catalogMessages } from '../../i18n/messages-en-catalog.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', catalogMessages);

/** "English", "español": the language's name in the interface's locale. */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * "Continue" as a link when the catalog gives the course page (so it opens in a new tab too), else a
 * button; both announce `lms-continue`, whose `preventDefault()` keeps the page where it is.
 */
export function continueControl(host: HTMLElement, target: ContinueTarget, text: string, label: string) {
  const announce = (event: Event) => {
    if (!host.dispatchEvent(new LmsContinueEvent(target))) event.preventDefault();
  };
  return target.href
    ? html`<a class="action" part="action" href=${target.href} aria-label=${label} @click=${announce}>${text}</a>`
    : html`<button class="action" part="action" type="button" aria-label=${label} @click=${announce}>${text}</button>`;
}

/** The error and forbidden states: a forbidden read says so plainly; others are reported with `lms-error` too. */
export function failure(error: unknown, message: string, forbidden: string) {
  if (isLmsError(error) && error.code === 'auth/forbidden')
    return html`<p class="forbidden" part="forbidden" role="alert">${forbidden}</p>`;
  return html`<p class="error" part="error" role="alert">${message}</p>`;
}

export function reportError(host: HTMLElement, error: unknown): void {
  if (isLmsError(error) && error.code === 'auth/forbidden') return;
  host.dispatchEvent(new LmsErrorEvent({ error: error as never, recoverable: true }));
}

export const catalogStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  [part='base'] {
    display: grid;
    gap: var(--_space, 1rem);
  }
  .heading {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 700;
  }
  ul.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space, 1rem);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
  }
  article {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    block-size: 100%;
    box-sizing: border-box;
    padding: var(--_space, 1rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  article .card-title {
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 600;
  }
  article p {
    margin: 0;
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .flag {
    font-size: 0.8125rem;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
  }
  .flag.overdue,
  .overdue {
    color: var(--_danger);
    font-weight: 600;
  }
  .muted,
  dl {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.125rem 0.5rem;
    margin: 0;
  }
  dd {
    margin: 0;
  }
  .actions {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  a.action {
    display: inline-block;
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    text-decoration: none;
  }
  .forbidden {
    padding: var(--_space, 1rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
`;
