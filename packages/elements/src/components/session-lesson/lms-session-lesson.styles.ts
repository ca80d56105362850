import { css } from 'lit';

export const sessionLessonStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  p,
  ul {
    margin: 0;
  }
  ul {
    padding-inline-start: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }
  .muted {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  a {
    color: var(--_accent);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
`;
