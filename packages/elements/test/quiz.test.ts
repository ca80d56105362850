import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import validateStatement from '@learninglocker/xapi-validation';
import type { LmsAttemptCompleteEvent, LmsQuizSubmitEvent } from '@lms-kit/elements';
import { MemoryAdapter } from '@lms-kit/storage';
import { everyTypeQuiz, everyType, choiceQuiz } from '../../../test/helpers/quizzes.js';
import { click, q, renderQuiz, settle, type } from './quiz-helpers.js';

describe('<lms-quiz>', () => {
  it('renders every question type, scores the attempt and queues valid statements', async () => {
    const storage = new MemoryAdapter();
    const { quiz, root } = await renderQuiz(everyTypeQuiz(), storage);
    await expect(quiz).to.be.accessible();
    click(root, 'button.start');
    await settle(quiz);
    expect(root.querySelectorAll('fieldset.question')).to.have.length(10);
    expect(root.querySelector('fieldset legend')?.textContent).to.contain('Question 1 of 10');
    await expect(quiz).to.be.accessible();

    (q(root, 'cool-rice').querySelector('input[value="false"]') as HTMLInputElement).click();
    (q(root, 'fridge-temp').querySelector('input[value="c5"]') as HTMLInputElement).click();
    for (const id of ['sesame', 'celery']) (q(root, 'allergens').querySelector(`input[value="${id}"]`) as HTMLInputElement).click();
    const blanks = q(root, 'danger-zone').querySelectorAll('input');
    type(blanks[0], 'five');
    await settle(quiz);
    type(q(root, 'danger-zone').querySelectorAll('input')[1], '63');
    type(q(root, 'spill').querySelector('textarea')!, 'Bin the cakes, clean the shelf, move the chicken down.');
    type(q(root, 'boards').querySelector('select')!, 'meat');
    await settle(quiz);
    type(q(root, 'boards').querySelectorAll('select')[1], 'fish');
    type(q(root, 'core-temp').querySelector('input')!, '75.2');
    (q(root, 'confidence').querySelector('input[value="very"]') as HTMLInputElement).click();
    type(q(root, 'probe').querySelector('input')!, '0');
    await settle(quiz);

    const complete = oneEvent(quiz, 'lms-attempt-complete') as Promise<LmsAttemptCompleteEvent>;
    click(root, 'button.submit');
    const { detail } = await complete;
    expect(detail.pending).to.equal(true);
    expect(detail.result.questions['fridge-temp']).to.deep.include({ credit: 1, correct: true });
    expect(detail.result.questions.spill.credit).to.equal(null);
    await settle(quiz);
    expect(root.querySelector('.result')?.textContent).to.contain('waiting to be graded');
    expect(root.querySelector('[data-question="fridge-temp"] .verdict-text')?.textContent).to.equal('Correct');
    await expect(quiz).to.be.accessible();

    const outbox = (await storage.readOutbox(100)).map((e) => e.statement);
    for (const statement of outbox) expect(validateStatement(statement), JSON.stringify(statement)).to.deep.equal([]);
    const answered = outbox.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered.map((s) => s.object.definition?.interactionType)).to.have.members([
      'true-false',
      'choice',
      'choice',
      'fill-in',
      'long-fill-in',
      'matching',
      'sequencing',
      'numeric',
      'likert',
      'performance',
    ]);
    expect(outbox.map((s) => s.verb.id.split('/').pop())).to.include.members(['attempted', 'completed']);
  });
});
