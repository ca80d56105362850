import { css } from 'lit';

/** The search and filter bar: wraps down to one control per line at 320 px. */
export const filterStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .filters label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .filters label.search {
    flex: 2 1 14rem;
  }
  .filters input,
  .filters select {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
`;
