import { expect } from '@open-wc/testing';
import { courseToXliff, isLmsError, type Course } from '@lms-kit/core';
import {
  assertTransition,
  diffCourses,
  importVariant,
  localizeCourse,
  mayPublish,
  pickCourseLanguage,
  stringLanguage,
  translationStatus,
  type ReviewState,
} from '@lms-kit/core/authoring';

const lesson = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'text',
  title,
  html: `<p>${title}</p>`,
  ...extra,
});
const course = (modules: Array<{ id: string; lessons: unknown[] }>, extra: Partial<Course> = {}): Course =>
  ({ schema: 1, id: 'c', title: 'Course', language: 'en', modules: modules.map((m) => ({ title: m.id, ...m })), ...extra }) as Course;
const quiz = (questions: unknown[]) => ({ id: 'q', kind: 'quiz', title: 'Quiz', quiz: { id: 'quiz', title: 'Quiz', questions } });
const question = (id: string, text: string) => ({ id, type: 'true-false', text, answer: true });

describe('diffCourses (change summary)', () => {
  it('lists lessons and questions added, removed and changed with their fields, in course order', () => {
    const before = course([
      { id: 'm1', lessons: [lesson('a', 'A'), lesson('b', 'B'), quiz([question('q1', 'One'), question('q2', 'Two')])] },
    ]);
    const after = course(
      [
        {
          id: 'm1',
          lessons: [lesson('a', 'A', { minutes: 5 }), lesson('c', 'C'), quiz([question('q1', 'One!'), question('q3', 'Three')])],
        },
      ],
      {
        title: 'Course, 2nd edition',
      },
    );
    const changes = diffCourses(before, after);
    expect(changes.lessons.added).to.deep.equal([{ id: 'c', title: 'C' }]);
    expect(changes.lessons.removed).to.deep.equal([{ id: 'b', title: 'B' }]);
    expect(changes.lessons.changed).to.deep.equal([{ id: 'a', title: 'A', fields: ['minutes'] }]);
    expect(changes.questions.added).to.deep.equal([{ id: 'q3', title: 'Three', lessonId: 'q' }]);
    expect(changes.questions.removed).to.deep.equal([{ id: 'q2', title: 'Two', lessonId: 'q' }]);
    expect(changes.questions.changed).to.deep.equal([{ id: 'q1', title: 'One!', lessonId: 'q', fields: ['text'] }]);
    expect(
      changes.lessons.changed.map((l) => l.id),
      'a quiz whose questions changed is not itself "changed"',
    ).to.not.include('q');
    expect(changes.course).to.deep.equal(['title']);
    expect(changes.empty).to.equal(false);
  });

  it('tells moved lessons from changed ones, ignores the version number, and is empty for the same content', () => {
    const before = course([
      { id: 'm1', lessons: [lesson('a', 'A'), lesson('b', 'B'), lesson('c', 'C')] },
      { id: 'm2', lessons: [lesson('d', 'D')] },
    ]);
    const after = course([
      { id: 'm1', lessons: [lesson('b', 'B'), lesson('c', 'C')] },
      { id: 'm2', lessons: [lesson('d', 'D'), lesson('a', 'A')] },
    ]);
    const changes = diffCourses(before, after);
    expect(changes.moved).to.deep.equal(['a']);
    expect(changes.lessons.changed).to.deep.equal([]);
    expect(changes.modules.changed).to.deep.equal([]);
    expect(diffCourses(before, { ...structuredClone(before), version: '7' }).empty).to.equal(true);
  });
});

describe('review workflow rules', () => {
  const refused = (from: ReviewState, to: ReviewState, roles: string[], policy = {}) => {
    try {
      assertTransition(from, to, roles, policy);
      return 'allowed';
    } catch (error) {
      return isLmsError(error) ? error.code : 'other';
    }
  };

  it('allows draft → in review → published and refuses every other move or role', () => {
    expect(refused('draft', 'in-review', ['instructor'])).to.equal('allowed');
    expect(refused('in-review', 'published', ['admin'])).to.equal('allowed');
    expect(refused('in-review', 'draft', ['instructor'])).to.equal('allowed');
    expect(refused('published', 'in-review', ['admin'])).to.equal('allowed');
    expect(refused('draft', 'published', ['admin']), 'no publishing without review').to.equal('authoring/invalid-transition');
    expect(refused('in-review', 'in-review', ['admin'])).to.equal('authoring/invalid-transition');
    expect(refused('published', 'published', ['admin'])).to.equal('authoring/invalid-transition');
    expect(refused('draft', 'in-review', ['learner'])).to.equal('auth/forbidden');
    expect(refused('in-review', 'published', ['instructor'])).to.equal('auth/forbidden');
    expect(refused('in-review', 'published', ['instructor'], { instructorsMayPublish: true })).to.equal('allowed');
    expect(refused('in-review', 'published', ['learner'], { instructorsMayPublish: true })).to.equal('auth/forbidden');
    expect(mayPublish(['admin'])).to.equal(true);
  });
});

describe('language variants', () => {
  const base = () =>
    course([{ id: 'm1', lessons: [lesson('intro', 'Welcome'), lesson('wash', 'Handwashing')] }], { title: 'Food safety', id: 'food' });
  const xliffFor = (c: Course, language: string, targets: Record<string, string>) =>
    courseToXliff(c, language).replace(/<source>([^<]*)<\/source>/g, (whole, source: string) =>
      targets[source] === undefined ? whole : `${whole}\n        <target>${targets[source]}</target>`,
    );

  it('imports a variant from XLIFF, localizes with fallback, and lists untranslated and outdated strings', () => {
    const { course: withFrench, status } = importVariant(
      base(),
      xliffFor(base(), 'fr', { 'Food safety': 'Hygiène alimentaire', Welcome: 'Bienvenue' }),
    );
    expect(Object.keys(withFrench.variants ?? {})).to.deep.equal(['fr']);
    expect(status.untranslated).to.deep.equal(['m1/title', 'm1/intro/html', 'm1/wash/title', 'm1/wash/html']);
    expect(status.outdated).to.deep.equal([]);

    const french = localizeCourse(withFrench, 'fr');
    expect(french.course.title).to.equal('Hygiène alimentaire');
    expect(french.course.modules[0].lessons.map((l) => l.title)).to.deep.equal(['Bienvenue', 'Handwashing']);
    expect(french.course.language).to.equal('fr');
    expect(french.course.variants, 'the localized course carries no variants').to.equal(undefined);
    expect(stringLanguage(french, 'm1/intro/title')).to.equal('fr');
    expect(stringLanguage(french, 'm1/wash/title'), 'fallback to the base language').to.equal('en');

    // The base changes after translation: the string is outdated (the translation stays, to review).
    const changed = structuredClone(withFrench);
    changed.modules[0].lessons[0].title = 'Welcome to the kitchen';
    expect(translationStatus(changed, 'fr').outdated).to.deep.equal(['m1/intro/title']);
    expect(localizeCourse(changed, 'fr').course.modules[0].lessons[0].title).to.equal('Bienvenue');
  });

  it('picks the learner’s language: first preference the course has, by primary language, else the base', () => {
    const c = { ...base(), variants: { fr: { strings: {} }, 'pt-BR': { strings: {} } } };
    expect(pickCourseLanguage(c, ['de', 'fr-CA', 'en'])).to.equal('fr');
    expect(pickCourseLanguage(c, [undefined, 'pt-br'])).to.equal('pt-BR');
    expect(pickCourseLanguage(c, ['ja'])).to.equal('en');
    expect(localizeCourse(c, 'en').course).to.equal(c);
  });
});
