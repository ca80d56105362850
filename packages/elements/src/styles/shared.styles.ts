import { css } from 'lit';

/** Tokens every element reads; a site themes LMS Kit by setting these on any ancestor. */
export const tokens = css`
  :host {
    --_accent: var(--lms-color-accent, #1d4ed8);
    --_on-accent: var(--lms-color-on-accent, #ffffff);
    --_text: var(--lms-color-text, #1f2937);
    --_muted: var(--lms-color-muted, #4b5563);
    --_surface: var(--lms-color-surface, #ffffff);
    --_subtle: var(--lms-color-subtle, #f3f4f6);
    --_border: var(--lms-color-border, #d1d5db);
    --_success: var(--lms-color-success, #047857);
    --_danger: var(--lms-color-danger, #b91c1c);
    --_radius: var(--lms-radius, 0.5rem);
    --_font: var(--lms-font-family, inherit);
    --_focus: var(--lms-focus-ring, 2px solid var(--_accent));
    color: var(--_text);
    font-family: var(--_font);
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    color: var(--_danger);
  }
  /* Previous/Next arrows point the way the text reads. */
  .direction-arrow {
    vertical-align: -0.15em;
    margin-inline: 0.25em;
  }
  .direction-arrow:dir(rtl) {
    transform: scaleX(-1);
  }
  button.action {
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  button.action.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button.action:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
