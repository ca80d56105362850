import { css } from 'lit';
import { tokens } from '../../styles/shared.styles.js';

export const verifyStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    [part='base'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space, 1rem);
      background: var(--_surface);
    }
    .heading {
      margin: 0 0 0.75rem;
      font-size: 1.1rem;
      font-weight: 700;
    }
    label {
      display: block;
      font-weight: 600;
      margin-block: 0.5rem 0.25rem;
    }
    textarea {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: 6rem;
      font:
        0.8125rem/1.4 ui-monospace,
        monospace;
      padding: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1rem;
      margin-block: 0.5rem 0.25rem;
    }
    [part='result'] {
      margin-block-start: 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--_radius);
      border-inline-start: 6px solid var(--_danger);
      background: var(--_subtle);
    }
    [part='result'].valid {
      border-color: var(--_success);
    }
    [part='result'].expired,
    [part='result'].not-yet-valid,
    [part='result'].unknown-issuer {
      border-color: var(--_warning);
    }
    .status {
      margin: 0 0 0.25rem;
      font-size: 1.1rem;
      font-weight: 700;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 1rem;
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.25rem 0;
    }
    .note {
      font-size: 0.875rem;
      color: var(--_muted);
    }
  `,
];
