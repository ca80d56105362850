import { expect } from '@open-wc/testing';
import { LmsError, parseCourse, registerLessonKind, validateCourse } from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

const messages = (input: unknown) => validateCourse(input).map((issue) => `${issue.path}: ${issue.message}`);

describe('validateCourse', () => {
  it('accepts a valid course', () => {
    expect(validateCourse(ruleCourse())).to.deep.equal([]);
  });

  it('names the path of a missing required field', () => {
    const course = ruleCourse();
    delete (course.modules[1].lessons[0] as { src?: string }).src;
    expect(messages(course)).to.deep.equal(['modules[1].lessons[0].src: required']);
  });

  it('reports every problem in one pass, never throwing on junk', () => {
    const junk = {
      schema: 1,
      id: 'bad id!',
      title: 7,
      modules: [{ id: 'm', title: 'M', lessons: [null, { id: 'x', kind: 'hologram', title: 'X' }] }, 'nope'],
    };
    expect(messages(junk)).to.deep.equal([
      'id: must start with a letter or digit and contain only letters, digits, ".", "_", ":" or "-"',
      'title: must be a string, got a number',
      'modules[0].lessons[0]: must be an object, got null',
      'modules[0].lessons[1].kind: unknown lesson kind "hologram" (known: text, video, document, embed, quiz, session)',
      'modules[1]: must be an object, got a string',
    ]);
    for (const input of [null, 42, 'course', [], undefined]) {
      expect(validateCourse(input)).to.have.length(1);
    }
  });

  it('rejects duplicate ids, unknown references and self references', () => {
    const course = ruleCourse();
    course.modules[0].lessons[1].id = 'welcome';
    course.modules[1].lessons[2].prerequisites = ['nowhere', 'bonus'];
    expect(messages(course)).to.include.members([
      'modules[0].lessons[1].id: duplicate id "welcome" (also used at modules[0].lessons[0])',
      'modules[1].lessons[2].prerequisites[0]: unknown lesson or module "nowhere"',
      'modules[1].lessons[2].prerequisites[1]: a lesson or module cannot require itself',
    ]);
  });

  it('requires remedial lessons to point at an assessment', () => {
    const course = ruleCourse();
    course.modules[1].lessons[1].remedialFor = 'welcome';
    expect(messages(course)).to.deep.equal([
      'modules[1].lessons[1].remedialFor: "welcome" is not an assessment (it never reports passed or failed)',
    ]);
  });

  it('finds prerequisite cycles, including those made by sequential order', () => {
    const cyclic = ruleCourse();
    cyclic.modules[0].lessons[0].prerequisites = ['read-more'];
    expect(messages(cyclic)[0]).to.match(/prerequisites form a cycle: .*welcome.*read-more.*welcome|read-more.*welcome.*read-more/);
    const sequential = ruleCourse({ sequential: true });
    sequential.modules[0].lessons[0].prerequisites = ['check'];
    expect(messages(sequential)[0]).to.contain('prerequisites form a cycle');
  });

  it('rejects script URLs and out-of-range numbers in lesson kinds', () => {
    const course = ruleCourse();
    course.modules[0].lessons[0] = { id: 'welcome', kind: 'video', title: 'V', src: 'javascript:alert(1)', completeAt: 0 };
    expect(messages(course)).to.deep.equal([
      'modules[0].lessons[0].src: must be an http(s) or relative URL, not a script URL',
      'modules[0].lessons[0].completeAt: must be at least 1',
    ]);
  });

  it('says which schema versions it reads', () => {
    expect(messages({ ...ruleCourse(), schema: 2 })).to.deep.equal([
      'schema: unsupported schema version 2 (this version of LMS Kit reads 1)',
    ]);
    try {
      parseCourse({ ...ruleCourse(), schema: 2 });
      expect.fail('should throw');
    } catch (error) {
      expect((error as LmsError).code).to.equal('course/unsupported-schema');
    }
  });

  it('parseCourse throws an LmsError listing the issues', () => {
    try {
      parseCourse({ schema: 1 });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(LmsError);
      expect((error as LmsError).code).to.equal('course/invalid');
      expect((error as LmsError).issues.map((i) => i.path)).to.deep.equal(['id', 'title', 'modules']);
      expect((error as LmsError).message).to.contain('modules: required');
    }
  });

  it('validates lesson kinds registered later', () => {
    registerLessonKind({ kind: 'poll', validate: (lesson) => void lesson.string('question', { required: true }) });
    const course = ruleCourse();
    course.modules[0].lessons.push({ id: 'poll-1', kind: 'poll', title: 'Poll' } as never);
    expect(messages(course)).to.deep.equal(['modules[0].lessons[3].question: required']);
  });
});
