import { css } from 'lit';

export const leaderboardStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  [part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr[aria-current] {
    background: var(--_subtle);
    font-weight: 700;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  label {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  input,
  select {
    font: inherit;
  }
`;
