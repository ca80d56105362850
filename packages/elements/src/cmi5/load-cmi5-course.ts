import { LmsError, registerLessonKind, type Course, type LessonBase, type LoadedCourse, type Module } from '@lms-kit/core';
import {
  MOVE_ON_VALUES,
  allAus,
  cmi5Urls,
  importCmi5Course,
  pickText,
  type Cmi5Au,
  type Cmi5Block,
  type Cmi5CourseRecord,
} from '@lms-kit/xapi/cmi5';
import type { LmsServices } from '../context/services.js';
import { parseCourseLazily } from '../course/load-course.js';
import { cmi5Prefix } from '@lms-kit/runtime/cmi5';

/** A lesson that launches one cmi5 AU; its `cmi5` field names the imported course and the AU. */
export interface Cmi5Lesson extends LessonBase {
  kind: 'cmi5-au';
  cmi5: { courseKey: string; auId: string; launchMethod: Cmi5Au['launchMethod']; moveOn: Cmi5Au['moveOn']; masteryScore?: number };
}

declare module '@lms-kit/core' {
  interface LessonKinds {
    'cmi5-au': Cmi5Lesson;
  }
}

registerLessonKind({
  kind: 'cmi5-au',
  assessment: (lesson) => /Passed/.test(String((lesson.cmi5 as { moveOn?: string } | undefined)?.moveOn)),
  validate(lesson) {
    const cmi5 = lesson.object_('cmi5', { required: true });
    cmi5?.string('courseKey', { required: true });
    cmi5?.string('auId', { required: true });
    cmi5?.oneOf('launchMethod', ['AnyWindow', 'OwnWindow'] as const);
    cmi5?.oneOf('moveOn', MOVE_ON_VALUES);
    cmi5?.number('masteryScore', { min: 0, max: 1 });
  },
});

/** Imports a cmi5 package (zip or cmi5.xml) into the learner's storage and presents it as a course: blocks as modules, AUs as lessons. */
export async function loadCmi5Course(
  url: string,
  signal: AbortSignal | undefined,
  services: LmsServices | undefined,
): Promise<LoadedCourse> {
  if (!services) throw new LmsError('course/load-failed', 'A cmi5 course can only be opened inside LMS Kit elements with storage.');
  const database = /^indexeddb:(.+)$/.exec(services.storage.scope)?.[1] ?? 'memory';
  const record = await importCmi5Course(services.storage, url, { contentRoot: cmi5Urls(cmi5Prefix(), database).contentRoot, signal });
  return { course: await parseCourseLazily(cmi5Course(record, services.locale)), baseUrl: url };
}

/**
 * The course as the player shows it. AUs whose moveOn is NotApplicable are satisfied from the
 * start (cmi5 9.6.1), so they are optional; the course is complete when every other AU is satisfied.
 */
export function cmi5Course(record: Cmi5CourseRecord, locale: string): Course {
  const { structure } = record;
  const aus = allAus(structure.children);
  const lesson = (au: Cmi5Au): Cmi5Lesson => ({
    id: `au-${aus.indexOf(au) + 1}`,
    kind: 'cmi5-au',
    title: pickText(au.title, locale),
    description: pickText(au.description, locale),
    optional: au.moveOn === 'NotApplicable' || undefined,
    cmi5: {
      courseKey: record.id,
      auId: au.id,
      launchMethod: au.launchMethod,
      moveOn: au.moveOn,
      ...(au.masteryScore !== undefined ? { masteryScore: au.masteryScore } : {}),
    },
  });
  const modules: Module[] = [];
  let loose: Cmi5Au[] = [];
  const flush = () => {
    if (loose.length)
      modules.push({ id: `part-${modules.length + 1}`, title: pickText(structure.title, locale), lessons: loose.map(lesson) });
    loose = [];
  };
  const addBlock = (block: Cmi5Block, parents: string[]) => {
    const title = [...parents, pickText(block.title, locale)];
    const direct = block.children.filter((child): child is Cmi5Au => child.type === 'au');
    if (direct.length)
      modules.push({
        id: `part-${modules.length + 1}`,
        title: title.join(' › '),
        description: pickText(block.description, locale),
        lessons: direct.map(lesson),
      });
    for (const child of block.children) if (child.type === 'block') addBlock(child, title);
  };
  for (const member of structure.children) {
    if (member.type === 'au') loose.push(member);
    else {
      flush();
      addBlock(member, []);
    }
  }
  flush();
  const language = Object.keys(structure.title)[0];
  return {
    schema: 1,
    id: record.id,
    title: pickText(structure.title, locale),
    description: pickText(structure.description, locale),
    ...(language && language !== 'und' ? { language } : {}),
    activityId: record.activityIds[structure.id],
    modules,
  } as Course;
}
