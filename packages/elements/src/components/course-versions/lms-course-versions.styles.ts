import { css } from 'lit';

export const courseVersionsStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  [part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  h2 {
    font-size: 1.125rem;
  }
  h3,
  h4 {
    font-size: 1rem;
  }
  p,
  ul,
  ol {
    margin: 0;
  }
  ol.versions {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ol.versions > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    display: grid;
    gap: 0.25rem;
  }
  .muted {
    color: var(--_muted);
  }
  .compare {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.25rem;
  }
  button {
    font: inherit;
    justify-self: start;
  }
  [role='alertdialog'] {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
`;
