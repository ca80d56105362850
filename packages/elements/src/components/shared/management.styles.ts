import { css } from 'lit';

/** Layout shared by the instructor elements (report, grading): panels, tables, and print. */
export const managementStyles = css`
  :host {
    display: block;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space, 1rem);
    margin-block: 1rem;
    background: var(--_surface);
  }
  .notice {
    background: var(--_subtle);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-start: 0.5rem;
  }
  input,
  textarea,
  select {
    font: inherit;
  }
  @media print {
    button,
    .filters {
      display: none !important;
    }
    .panel {
      break-inside: avoid;
      border: none;
    }
  }
`;
