import type { Course } from '@lms-kit/core';
import { xmlText } from './xml-text.js';

/**
 * `cmi5.xml` for a course exported as one AU: its `moveOn` is `Completed`, reached when the player
 * inside reports the course completed. Ids are IRIs: the course's `activityId` or `urn:lms-kit:course:<id>`.
 */
export function cmi5Structure(course: Course, launch: string): string {
  const courseIri = course.activityId ?? `urn:lms-kit:course:${course.id}`;
  const lang = course.language ?? 'en';
  const text = (value: string) => `<langstring lang="${xmlText(lang)}">${xmlText(value)}</langstring>`;
  const title = text(course.title);
  const description = text(course.description ?? course.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xmlText(courseIri)}">
    <title>${title}</title>
    <description>${description}</description>
  </course>
  <au id="${xmlText(`${courseIri}/au`)}" moveOn="Completed" launchMethod="AnyWindow">
    <title>${title}</title>
    <description>${description}</description>
    <url>${xmlText(launch)}</url>
  </au>
</courseStructure>
`;
}
