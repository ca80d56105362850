import { expect } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import { CourseStatements, Verbs, anonymousLearner, fromIsoDuration, learnerFromActor, toIsoDuration } from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('xAPI statements', () => {
  const course = ruleCourse();
  const lesson = course.modules[0].lessons[0];
  const learners = [
    learnerFromActor({ mbox: 'ada@example.com', name: 'Ada' }),
    learnerFromActor({ account: { homePage: 'https://intranet.example.com', name: 'u-42' } }),
    anonymousLearner('5f4f0a9e-2c1b-4c43-9a53-1f2d3e4f5a6b', 'http://localhost:8000'),
  ];

  for (const learner of learners) {
    it(`builds valid xAPI 1.0.3 statements for ${learner.id}`, () => {
      const build = new CourseStatements(course, learner, '8f2e0c4a-1b2c-4d3e-9f4a-5b6c7d8e9f01');
      const statements = [
        build.courseLaunched(),
        build.lessonInitialized(lesson),
        build.lessonExperienced(lesson, 65_432),
        build.lessonProgressed(lesson, 0.5),
        build.lessonCompleted(lesson, { completed: true, passed: true, score: { scaled: 0.8, raw: 8, min: 0, max: 10 } }, 1000),
        build.courseProgressed(50),
        build.courseCompleted(3_600_000),
      ];
      for (const statement of statements) {
        expect(validateStatement(statement), JSON.stringify(statement)).to.deep.equal([]);
        expect(statement.id).to.match(UUID);
        expect(statement.context?.registration).to.equal('8f2e0c4a-1b2c-4d3e-9f4a-5b6c7d8e9f01');
      }
      expect(new Set(statements.map((s) => s.id)).size).to.equal(statements.length);
      expect(statements.map((s) => s.verb.id)).to.deep.equal([
        Verbs.launched.id,
        Verbs.initialized.id,
        Verbs.experienced.id,
        Verbs.progressed.id,
        Verbs.completed.id,
        Verbs.progressed.id,
        Verbs.completed.id,
      ]);
      expect(statements[1].object.id).to.equal('urn:lms-kit:course:rules-101:lesson:welcome');
      expect(statements[1].context?.contextActivities?.parent?.[0].id).to.equal('urn:lms-kit:course:rules-101');
      expect(statements[2].result?.duration).to.equal('PT1M5.43S');
    });
  }

  it('the validator used above does reject a broken statement', () => {
    const statement = new CourseStatements(course, learners[0], '8f2e0c4a-1b2c-4d3e-9f4a-5b6c7d8e9f01').courseLaunched();
    expect(validateStatement({ ...statement, verb: { id: 'not an iri' } })).to.not.deep.equal([]);
    expect(validateStatement({ ...statement, result: { duration: '5 minutes' } })).to.not.deep.equal([]);
  });

  it('uses the course activity IRI when given', () => {
    const build = new CourseStatements(
      { ...course, activityId: 'https://courses.example.com/rules/' },
      learners[0],
      'e5b8a9f0-0b1c-4d2e-8f3a-4b5c6d7e8f90',
    );
    expect(build.lessonInitialized(lesson).object.id).to.equal('https://courses.example.com/rules/lessons/welcome');
  });

  it('formats and parses ISO 8601 durations', () => {
    expect(toIsoDuration(0)).to.equal('PT0S');
    expect(toIsoDuration(3_723_450)).to.equal('PT1H2M3.45S');
    expect(toIsoDuration(7_200_000)).to.equal('PT2H');
    expect(fromIsoDuration('PT1H2M3.45S')).to.equal(3_723_450);
    expect(fromIsoDuration('P1DT1S')).to.equal(86_401_000);
    expect(fromIsoDuration('PT')).to.equal(undefined);
    expect(fromIsoDuration('1 hour')).to.equal(undefined);
  });

  it('rejects a learner with no identifier', () => {
    expect(() => learnerFromActor({ name: 'Nobody' })).to.throw(/needs an email/);
  });
});
