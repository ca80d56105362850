import { css } from 'lit';

/**
 * The palettes `<lms-provider theme>` gives the elements inside it, as private `--_lms-*` custom
 * properties: they inherit through every shadow root, and a site's public `--lms-*` tokens still win.
 * Light is the elements' own default (shared.styles.ts). `auto` follows the system: dark under
 * `prefers-color-scheme: dark`, high contrast under `prefers-contrast: more`.
 */
const dark = css`
  color-scheme: dark;
  --_lms-accent: #93c5fd;
  --_lms-on-accent: #0f172a;
  --_lms-text: #f3f4f6;
  --_lms-muted: #d1d5db;
  --_lms-surface: #111827;
  --_lms-subtle: #1f2937;
  --_lms-border: #6b7280;
  --_lms-success: #6ee7b7;
  --_lms-danger: #fca5a5;
  --_lms-warning: #fcd34d;
  --_lms-background: #111827;
`;

const highContrast = css`
  color-scheme: light;
  --_lms-accent: #0000b3;
  --_lms-on-accent: #ffffff;
  --_lms-text: #000000;
  --_lms-muted: #000000;
  --_lms-surface: #ffffff;
  --_lms-subtle: #ffffff;
  --_lms-border: #000000;
  --_lms-success: #00561f;
  --_lms-danger: #8b0000;
  --_lms-warning: #5c3300;
  --_lms-background: #ffffff;
  --_lms-focus: 3px solid #000000;
`;

export const themeStyles = css`
  :host([theme='dark']) {
    ${dark}
  }
  :host([theme='high-contrast']) {
    ${highContrast}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  @media (prefers-contrast: more) {
    :host([theme='auto']) {
      ${highContrast}
    }
  }
`;
