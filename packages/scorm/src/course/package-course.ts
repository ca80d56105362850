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
  const loose: ScormLesson[] = [];
  for (const item of organization.items) {
    if (item.children.length) {
      const lessons = withHiddenItems(leaves(item.children, [], src));
      if (lessons.length) modules.push({ id: safeId(item.identifier), title: item.title, lessons });
    } else if (item.launch) loose.push(lessonOf(item, [], src));
  }
  const lessons = withHiddenItems(loose);
  if (lessons.length) modules.unshift({ id: safeId(`${organization.identifier}-items`), title: organization.title, lessons });
  const course: Course = {
    schema: 1,
    id: safeId(`scorm-${pkg.identifier}`),
    title: organization.title,
    modules,
  };
  return course;
}

/** A launchable item, with whether the outline shows it (`isvisible`, on the item or an ancestor). */
type Leaf = ScormLesson & { hidden?: boolean };

function leaves(items: Item[], trail: string[], src: string, hidden = false): Leaf[] {
  return items.flatMap((item) =>
    item.children.length
      ? leaves(item.children, [...trail, item.title], src, hidden || !item.isVisible)
      : item.launch
        ? [lessonOf(item, trail, src, hidden)]
        : [],
  );
}

function lessonOf(item: Item, trail: string[], src: string, hidden = false): Leaf {
  const lesson: Leaf = {
    id: safeId(item.identifier),
    kind: 'scorm',
    title: [...trail, item.title].join(' › '),
    src,
    item: item.identifier,
  };
  if (hidden || !item.isVisible) lesson.hidden = true;
  return lesson;
}

/**
 * Items with `isvisible="false"` are not in the outline, but sequencing may still deliver them (flow
 * goes through them): each is played by the lesson of the visible item before it (or after it, when none
 * comes before), named in that lesson's `items`.
 */
function withHiddenItems(leaves: Leaf[]): Lesson[] {
  const lessons: ScormLesson[] = [];
  let waiting: string[] = [];
  for (const { hidden, ...lesson } of leaves) {
    if (!hidden) {
      if (waiting.length) lesson.items = waiting;
      waiting = [];
      lessons.push(lesson);
    } else {
      const host = lessons.at(-1);
      if (host) host.items = [...(host.items ?? []), lesson.item as string];
      else waiting.push(lesson.item as string);
    }
  }
  // Only hidden items in this module: they stay lessons, or nothing could play them.
  if (!lessons.length) return leaves.filter((leaf) => waiting.includes(leaf.item as string)).map(({ hidden: _, ...lesson }) => lesson);
  return lessons;
}

/** Course ids allow letters, digits and `._:-`, starting with a letter or digit; XML ids may start with `_`. */
export function safeId(identifier: string): string {
  const cleaned = identifier.replace(/[^A-Za-z0-9._:-]+/g, '-');
  return /^[A-Za-z0-9]/.test(cleaned) ? cleaned : `i${cleaned}`;
}
