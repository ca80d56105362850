import { css } from 'lit';

export const badgesStyles = css`
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
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .total {
    font-size: 1.5rem;
    font-weight: 700;
  }
  progress {
    inline-size: 100%;
    accent-color: var(--_accent);
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.5rem;
    align-items: start;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  li.locked img {
    filter: grayscale(1);
    opacity: 0.6;
  }
  li img {
    grid-row: span 3;
    inline-size: 3rem;
    block-size: 3rem;
    object-fit: contain;
  }
  .title {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .earned-mark {
    color: var(--_success);
    font-size: 0.875rem;
    font-weight: 600;
  }
  [part='toast'] {
    position: sticky;
    inset-block-end: 0.5rem;
    justify-self: end;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [part='toast']:empty {
    display: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='toast']:not(:empty) {
      animation: lms-toast-in 200ms ease-out;
    }
  }
  /* Movement only: fading the text in would leave it under the contrast minimum while it fades. */
  @keyframes lms-toast-in {
    from {
      transform: translateY(0.5rem);
    }
  }
`;
