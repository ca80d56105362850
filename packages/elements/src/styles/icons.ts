import { svg } from 'lit';
import type { LessonStatus } from '@lms-kit/core';

/** Status icons as inline SVG (emoji glyphs are missing from many systems' fonts). Decorative: hidden from AT. */
const paths: Record<LessonStatus, ReturnType<typeof svg>> = {
  locked: svg`<rect x="3" y="7" width="10" height="8" rx="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
  available: svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
  'in-progress': svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z"/>`,
  completed: svg`<circle cx="8" cy="8" r="6.5"/><path d="M5 8.2l2 2 4-4.2" fill="none" class="mark" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`,
};

export function statusIcon(status: LessonStatus) {
  return svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true" focusable="false">${paths[status]}</svg>`;
}

/**
 * Arrow of Previous/Next: it points the way the reading goes, so it is mirrored in right-to-left
 * (`.direction-arrow:dir(rtl)` in shared styles). Decorative: the button's text says where it goes.
 */
export function directionArrow(to: 'previous' | 'next') {
  const path = to === 'next' ? 'M6 3l5 5-5 5' : 'M10 3L5 8l5 5';
  return svg`<svg class="direction-arrow ${to}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d=${path} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}
