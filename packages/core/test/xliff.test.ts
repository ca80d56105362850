import { expect } from '@open-wc/testing';
import { applyXliff, courseToXliff, isLmsError, translatableStrings, validateCourse, type Course } from '@lms-kit/core';

function base(): Course {
  return {
    schema: 1,
    id: 'food-safety',
    title: 'Food safety',
    language: 'en',
    modules: [
      {
        id: 'm1',
        title: 'Temperatures',
        lessons: [
          { id: 'intro', kind: 'text', title: 'Welcome', html: '<p>Keep food <b>cold</b> & safe.</p>' },
          {
            id: 'check',
            kind: 'quiz',
            title: 'Check',
            quiz: {
              schema: 1,
              id: 'check-quiz',
              title: 'Fridge check',
              questions: [
                {
                  id: 'fridge',
                  type: 'choice',
                  text: '<p>Highest safe fridge temperature?</p>',
                  choices: [
                    { id: 'c5', text: '5 °C', correct: true, feedback: 'Right.' },
                    { id: 'c8', text: '8 °C' },
                  ],
                  feedback: { incorrect: 'Our fridges read 5 °C or below.' },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** A translator's tool: fills every target with the source marked as French. */
function translate(xliff: string, skip: string[] = []): string {
  const document = new DOMParser().parseFromString(xliff, 'application/xml');
  for (const unit of Array.from(document.getElementsByTagNameNS('urn:oasis:names:tc:xliff:document:2.0', 'unit'))) {
    if (skip.includes(unit.getAttribute('name') ?? '')) continue;
    const segment = unit.getElementsByTagNameNS('urn:oasis:names:tc:xliff:document:2.0', 'segment')[0];
    const source = segment.getElementsByTagNameNS('urn:oasis:names:tc:xliff:document:2.0', 'source')[0];
    const target = document.createElementNS('urn:oasis:names:tc:xliff:document:2.0', 'target');
    target.textContent = `FR ${source.textContent}`;
    segment.append(target);
  }
  return new XMLSerializer().serializeToString(document);
}

describe('XLIFF 2.0 round trip', () => {
  it('exports every translatable string by a path of ids, and reads the translation back as a valid language variant', () => {
    const course = base();
    expect([...translatableStrings(course).keys()]).to.deep.equal([
      'title',
      'm1/title',
      'm1/intro/title',
      'm1/intro/html',
      'm1/check/title',
      'm1/check/quiz/title',
      'm1/check/quiz/questions/fridge/text',
      'm1/check/quiz/questions/fridge/choices/c5/text',
      'm1/check/quiz/questions/fridge/choices/c5/feedback',
      'm1/check/quiz/questions/fridge/choices/c8/text',
      'm1/check/quiz/questions/fridge/feedback/incorrect',
    ]);
    const xliff = courseToXliff(course, 'fr');
    expect(xliff).to.contain('srcLang="en" trgLang="fr"');
    expect(xliff).to.contain('<source>&lt;p&gt;Keep food &lt;b&gt;cold&lt;/b&gt; &amp; safe.&lt;/p&gt;</source>');
    const { course: french, untranslated, outdated } = applyXliff(course, translate(xliff));
    expect(untranslated).to.deep.equal([]);
    expect(outdated).to.deep.equal([]);
    expect(validateCourse(french)).to.deep.equal([]);
    expect(french.language).to.equal('fr');
    expect(french.title).to.equal('FR Food safety');
    expect(french.modules[0].lessons[0]).to.include({ id: 'intro', html: 'FR <p>Keep food <b>cold</b> & safe.</p>' });
    const question = (
      french.modules[0].lessons[1] as { quiz: { questions: Array<{ choices: Array<{ text: string; correct?: boolean }> }> } }
    ).quiz.questions[0];
    expect(question.choices.map((c) => [c.text, !!c.correct])).to.deep.equal([
      ['FR 5 °C', true],
      ['FR 8 °C', false],
    ]);
    // The base is untouched, and an export of the variant carries its translations as targets.
    expect(course.title).to.equal('Food safety');
    expect(courseToXliff(course, 'fr', french)).to.contain('<target>FR Food safety</target>');
  });

  it('shows what is untranslated and what changed in the base since translation, falling back to the base text', () => {
    const course = base();
    const translated = translate(courseToXliff(course, 'fr'), ['m1/intro/title']);
    // The author edits and reorders the base after sending it to the translator.
    course.title = 'Food safety at work';
    course.modules[0].lessons.reverse();
    const { course: french, untranslated, outdated } = applyXliff(course, translated);
    expect(untranslated).to.deep.equal(['m1/intro/title']);
    expect(outdated).to.deep.equal(['title']);
    expect(french.modules[0].lessons.map((lesson) => [lesson.id, lesson.title])).to.deep.equal([
      ['check', 'FR Check'],
      ['intro', 'Welcome'],
    ]);
  });

  it('refuses a file that is not XLIFF 2.0 or is for another course', () => {
    const code = (text: string) => {
      try {
        applyXliff(base(), text);
      } catch (error) {
        return isLmsError(error) ? `${error.code}: ${error.issues?.[0]?.message}` : String(error);
      }
      return 'accepted';
    };
    expect(code('<xliff version="1.2"/>')).to.equal('translation/invalid-xliff: the root must be <xliff version="2.0">');
    expect(code(courseToXliff({ ...base(), id: 'other' }, 'fr'))).to.equal(
      'translation/invalid-xliff: it is for course:other, not course:food-safety',
    );
    expect(code('<xliff')).to.equal('translation/invalid-xliff: it is not well-formed XML');
  });
});
