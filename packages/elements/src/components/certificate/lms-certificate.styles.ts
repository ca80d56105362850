import { css } from 'lit';
import { tokens } from '../../styles/shared.styles.js';

export const certificateStyles = [
  tokens,
  css`
    :host {
      display: block;
      --_cert-accent: var(--lms-certificate-accent, var(--_accent));
      --_cert-font: var(--lms-certificate-font-family, Georgia, 'Times New Roman', serif);
      --_cert-background: var(--lms-certificate-background, var(--_surface));
      container-type: inline-size;
    }
    .certificate {
      position: relative;
      box-sizing: border-box;
      aspect-ratio: 297 / 210;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
      padding: 6% 8%;
      background: var(--_cert-background);
      color: var(--_text);
      text-align: center;
      font-size: clamp(0.55rem, 2.2cqi, 1.1rem);
      overflow: hidden;
    }
    .classic {
      border: 0.45em double var(--_cert-accent);
      outline: 0.1em solid var(--_cert-accent);
      outline-offset: -1.1em;
    }
    .modern {
      border: 1px solid var(--_border);
      border-inline-start: 1.6em solid var(--_cert-accent);
    }
    .main {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.4em;
      margin-block: auto;
    }
    .invalid::after {
      content: '';
      position: absolute;
      inset: 0;
      background: repeating-linear-gradient(-30deg, transparent 0 2em, color-mix(in srgb, var(--_danger) 8%, transparent) 2em 4em);
      pointer-events: none;
    }
    ::slotted([slot='logo']) {
      max-block-size: 3.5em;
      max-inline-size: 12em;
    }
    h2 {
      margin: 0.2em 0 0.4em;
      font-family: var(--_cert-font);
      font-size: 2.3em;
      color: var(--_cert-accent);
      font-weight: 700;
    }
    p {
      margin: 0;
    }
    .muted {
      color: var(--_muted);
    }
    .learner {
      font-family: var(--_cert-font);
      font-size: 2.1em;
      font-weight: 700;
      padding: 0 1em 0.1em;
      border-block-end: 1px solid var(--_muted);
    }
    .course {
      font-family: var(--_cert-font);
      font-size: 1.5em;
      font-weight: 700;
    }
    .details {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0 1.5em;
      margin-block-start: 0.3em;
      color: var(--_muted);
      font-size: 0.85em;
    }
    .footer {
      inline-size: 100%;
      display: flex;
      justify-content: space-between;
      align-items: flex-end;
      margin-block-start: auto;
      gap: 1em;
      text-align: start;
    }
    .issuer {
      display: flex;
      flex-direction: column;
      gap: 0.15em;
      min-inline-size: 14em;
    }
    ::slotted([slot='signature']) {
      max-block-size: 3em;
      max-inline-size: 12em;
      align-self: flex-start;
    }
    .issuer-name {
      border-block-start: 1px solid var(--_muted);
      padding-block-start: 0.2em;
      font-weight: 600;
    }
    .small {
      font-size: 0.7em;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    figure {
      display: flex;
      align-items: flex-end;
      gap: 0.6em;
      margin: 0;
      max-inline-size: 55%;
      text-align: end;
    }
    figure svg {
      inline-size: 5.5em;
      block-size: 5.5em;
      flex: none;
    }
    a {
      color: inherit;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0 0 0.75rem;
      padding: 0.6rem 0.9rem;
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .notice.warning,
    .notice.error {
      border-inline-start: 4px solid var(--_danger);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    .empty {
      color: var(--_muted);
    }
    @media print {
      :host {
        container-type: normal;
      }
      .actions,
      .notice button {
        display: none;
      }
      .certificate {
        inline-size: 100%;
        block-size: calc(100vh - 1px);
        aspect-ratio: auto;
        font-size: 12pt;
        break-inside: avoid;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      .notice {
        display: none;
      }
    }
  `,
];
