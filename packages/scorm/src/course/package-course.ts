import type { Course, Lesson, Module } from '@lms-kit/core';
import { defaultOrganization, type Item, type Organization, type ScormPackage } from '../manifest/model.js';
import type { ScormLesson } from '../lesson-kind.js';

/**
 * A whole package as a native course, so `<lms-course-player>` shows its organization as the outline
 * and plays one item per lesson: items with children become modules (deeper levels are flattened,
 * titles joined with " › "), launchable items become `scorm` lessons. Which lessons are open, and the
 * course's completion and success, are SCORM 2004 sequencing's to decide (scorm-again's engine, run by
 * the player for the course): the course itself adds no rules of its own.
 */
export function packageCourse(pkg: ScormPackage, src: string): Course {
  const organization = defaultOrganization(pkg) as Organization;
  const modules: Module[] = [];
  const loose: Lesson[] = [];
  for (const item of organization.items) {
    if (item.children.length) {
      const lessons = leaves(item.children, [], src);
      if (lessons.length) modules.push({ id: safeId(item.identifier), title: item.title, lessons });
    } else if (item.launch) loose.push(lessonOf(item, [], src));
  }
  if (loose.length) modules.unshift({ id: safeId(`${organization.identifier}-items`), title: organization.title, lessons: loose });
  const course: Course = {
    schema: 1,
    id: safeId(`scorm-${pkg.identifier}`),
    title: organization.title,
    modules,
  };
  return course;
}

function leaves(items: Item[], trail: string[], src: string): Lesson[] {
  return items.flatMap((item) =>
    item.children.length ? leaves(item.children, [...trail, item.title], src) : item.launch ? [lessonOf(item, trail, src)] : [],
  );
}

function lessonOf(item: Item, trail: string[], src: string): ScormLesson {
  return { id: safeId(item.identifier), kind: 'scorm', title: [...trail, item.title].join(' › '), src, item: item.identifier };
}

/** Course ids allow letters, digits and `._:-`, starting with a letter or digit; XML ids may start with `_`. */
export function safeId(identifier: string): string {
  const cleaned = identifier.replace(/[^A-Za-z0-9._:-]+/g, '-');
  return /^[A-Za-z0-9]/.test(cleaned) ? cleaned : `i${cleaned}`;
}
