import { expect } from '@open-wc/testing';
import { validateCourse } from '@lms-kit/core/validate';
import { courseKeyOf, lmsActivityIds, parseCourseStructure, type Cmi5CourseRecord } from '@lms-kit/xapi/cmi5';
import { cmi5Course } from '../src/cmi5/load-cmi5-course.js';

const NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const text = (
  value: string,
) => `<title><langstring lang="en-US">${value}</langstring><langstring lang="fr">${value} (fr)</langstring></title>
  <description><langstring lang="en-US">About ${value}</langstring></description>`;
const au = (id: string, attributes = '') =>
  `<au id="https://c.example/${id}" ${attributes}>${text(id)}<url>https://c.example/${id}.html</url></au>`;

function record(xml: string): Cmi5CourseRecord {
  const structure = parseCourseStructure(xml);
  const id = courseKeyOf(structure);
  return {
    id,
    structure,
    contentBase: 'https://c.example/',
    source: 'https://c.example/cmi5.xml',
    fingerprint: 'x',
    importedAt: '',
    activityIds: lmsActivityIds(id, structure),
  };
}

describe('cmi5 course as the player shows it', () => {
  const xml = `<courseStructure xmlns="${NS}"><course id="https://c.example/course">${text('Safety')}</course>
    ${au('intro', 'moveOn="NotApplicable"')}
    <block id="https://c.example/b1">${text('Ladders')}
      ${au('ladders-1', 'moveOn="Completed"')}
      <block id="https://c.example/b2">${text('Scaffolds')}${au('scaffolds-1', 'moveOn="Passed" masteryScore="0.8" launchMethod="OwnWindow"')}</block>
    </block>
    ${au('outro', 'moveOn="CompletedOrPassed"')}
  </courseStructure>`;

  it('turns blocks (nested too) into modules and AUs into lessons, in course order, and is a valid course', () => {
    const course = cmi5Course(record(xml), 'fr');
    expect(course.modules.map((module) => module.title)).to.deep.equal([
      'Safety (fr)',
      'Ladders (fr)',
      'Ladders (fr) › Scaffolds (fr)',
      'Safety (fr)',
    ]);
    expect(course.modules.flatMap((module) => module.lessons.map((lesson) => lesson.id))).to.deep.equal(['au-1', 'au-2', 'au-3', 'au-4']);
    expect(course.activityId).to.match(/^urn:lms-kit:cmi5:/);
    expect(validateCourse(course)).to.deep.equal([]);
  });

  it('makes NotApplicable AUs optional (satisfied from the start) and keeps the launch attributes', () => {
    const lessons = cmi5Course(record(xml), 'en').modules.flatMap((module) => module.lessons) as unknown as Array<{
      optional?: boolean;
      cmi5: Record<string, unknown>;
    }>;
    expect(lessons.map((lesson) => lesson.optional ?? false)).to.deep.equal([true, false, false, false]);
    expect(lessons[2].cmi5).to.include({
      launchMethod: 'OwnWindow',
      moveOn: 'Passed',
      masteryScore: 0.8,
      auId: 'https://c.example/scaffolds-1',
    });
  });
});
