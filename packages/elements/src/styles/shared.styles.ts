import { css } from 'lit';

/**
 * Tokens every element reads. A site themes LMS Kit by setting the public `--lms-*` tokens on any
 * ancestor; `<lms-provider theme>` sets the private `--_lms-*` palette (see themes.styles.ts), which
 * a site's own tokens override. Without either, the light palette below.
 */
export const tokens = css`
  :host {
    --_accent: var(--lms-color-accent, var(--_lms-accent, #1d4ed8));
    --_on-accent: var(--lms-color-on-accent, var(--_lms-on-accent, #ffffff));
    --_text: var(--lms-color-text, var(--_lms-text, #1f2937));
    --_muted: var(--lms-color-muted, var(--_lms-muted, #4b5563));
    --_surface: var(--lms-color-surface, var(--_lms-surface, #ffffff));
    --_subtle: var(--lms-color-subtle, var(--_lms-subtle, #f3f4f6));
    --_border: var(--lms-color-border, var(--_lms-border, #d1d5db));
    --_success: var(--lms-color-success, var(--_lms-success, #047857));
    --_danger: var(--lms-color-danger, var(--_lms-danger, #b91c1c));
    --_warning: var(--lms-color-warning, var(--_lms-warning, #b45309));
    --_background: var(--lms-color-background, var(--_lms-background, transparent));
    /* What embedded content (SCORM frames, video) sits on: it is made for these, whatever the theme. */
    --_frame: #ffffff;
    --_media: #000000;
    --_space: var(--lms-spacing, 1rem);
    --_radius: var(--lms-radius, 0.5rem);
    --_font: var(--lms-font-family, inherit);
    --_focus: var(--lms-focus-ring, var(--_lms-focus, 2px solid var(--_accent)));
    color: var(--_text);
    background-color: var(--_background);
    font-family: var(--_font);
  }
  svg.icon .mark {
    stroke: var(--_surface);
  }
  /*
   * Windows high contrast and other forced colours: the browser replaces the palette with the
   * system's colours. What it would erase or hide is kept here: bar fills (a background), the
   * icons' inner marks, button borders, a focus ring in the system's highlight.
   */
  @media (forced-colors: active) {
    :host {
      --_focus: 2px solid Highlight;
    }
    button.action,
    a.action {
      border: 1px solid ButtonText;
    }
    button.action:disabled {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
    }
    [role='progressbar'] {
      border: 1px solid CanvasText;
    }
    :host [role='progressbar'] > div {
      forced-color-adjust: none;
      background: Highlight;
    }
    /* Status colours (green for done…) give way to the text colour; the shape tells the status. */
    :host svg.icon {
      forced-color-adjust: none;
      color: CanvasText;
    }
    svg.icon .mark {
      stroke: Canvas;
    }
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
