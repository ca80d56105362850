import { expect } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { validateQuiz, type Question } from '@lms-kit/core/quiz';
import {
  CourseDraft,
  QUESTION_TYPES,
  answerLines,
  getAt,
  moveByStep,
  questionTemplate,
  setAt,
  withAnswerLines,
} from '@lms-kit/runtime/authoring';

const course = (): Course => ({
  schema: 1,
  id: 'c',
  title: 'C',
  modules: [
    { id: 'm1', title: 'One', lessons: [{ id: 'a', kind: 'text', title: 'A', html: '<p>a</p>' }] },
    { id: 'm2', title: 'Two', lessons: [{ id: 'b', kind: 'text', title: 'B', html: '<p>b</p>' }] },
  ],
});

describe('authoring helpers', () => {
  it('keystrokes in one field are one undo step; another field starts a new one', () => {
    const draft = new CourseDraft(course());
    for (const title of ['S', 'Sa', 'Saf']) draft.update((c) => (c.title = title), { merge: 'title' });
    draft.update((c) => (c.modules[0].title = 'Uno'), { merge: 'modules[0].title' });
    draft.undo();
    expect(draft.course.title).to.equal('Saf');
    draft.undo();
    expect(draft.course.title).to.equal('C');
    expect(draft.canUndo).to.equal(false);
  });

  it('moves by one step, crossing into the neighbouring module at the edge, and modules among modules', () => {
    const draft = new CourseDraft(course());
    expect(moveByStep(draft, 'a', 1)).to.equal(true);
    expect(draft.course.modules.map((m) => m.lessons.map((l) => l.id))).to.deep.equal([[], ['a', 'b']]);
    expect(moveByStep(draft, 'b', 1)).to.equal(false);
    expect(moveByStep(draft, 'm2', -1)).to.equal(true);
    expect(draft.course.modules.map((m) => m.id)).to.deep.equal(['m2', 'm1']);
  });

  it('reads and writes fields by the validator path, removing emptied ones', () => {
    const c = course();
    setAt(c, 'modules[1].lessons[0].unlock.points', 5);
    expect(getAt(c, 'modules[1].lessons[0].unlock')).to.deep.equal({ points: 5 });
    setAt(c, 'modules[1].lessons[0].unlock.points', undefined);
    expect(getAt(c, 'modules[1].lessons[0].unlock')).to.deep.equal({});
  });

  it('every question type round-trips its answers through lines and validates once filled in', () => {
    const lines: Record<string, string> = {
      choice: '* Below 5 °C\nAt 10 °C',
      'fill-in': 'five | 5',
      matching: 'Raw = Bottom shelf\nCooked = Top shelf',
      sequencing: 'Wash\nRinse\nDry',
      numeric: '5 ± 0.5\n0..4',
      likert: 'Disagree\nAgree',
      performance: 'Set the dial = 4',
    };
    for (const type of QUESTION_TYPES) {
      let question: Question = { ...questionTemplate(type, 'q1'), text: 'Question?' };
      if (lines[type]) {
        question = withAnswerLines(question, lines[type]);
        expect(answerLines(question), type).to.equal(lines[type]);
      }
      const issues = validateQuiz({ schema: 1, id: 'quiz', title: 'Q', questions: [question] });
      expect(issues, `${type}: ${JSON.stringify(issues)}`).to.deep.equal([]);
    }
  });
});
