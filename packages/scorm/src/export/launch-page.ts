import type { Course } from '@lms-kit/core';
import { xmlText } from './xml-text.js';

/**
 * The package's launch page: the LMS Kit runtime (the CDN bundle or any module that defines
 * `<lms-course-player>`), the player on `course.json`, then the bridge that reports to the LMS.
 */
export function launchPage(course: Course, runtimeEntry: string, bridgePath: string): string {
  const lang = xmlText(course.language ?? 'en');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${xmlText(course.title)}</title>
    <style>body { margin: 0; font-family: system-ui, sans-serif; } main { padding: 1rem; }</style>
    <script type="module" src="${xmlText(runtimeEntry)}"></script>
  </head>
  <body>
    <main>
      <lms-course-player src="course.json" hide-title></lms-course-player>
    </main>
    <script type="module" src="${xmlText(bridgePath)}"></script>
  </body>
</html>
`;
}
