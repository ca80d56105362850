import { isObject, joinPath, FieldChecker } from '../../course/checks.js';
import type { FillInQuestion, LongFillInQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkAccept, combinations, matchesText, stringArray } from './shared.js';

/** Blank by blank; with several blanks, all must be right unless `partialCredit`. */
export const fillInType: QuestionTypeDefinition<FillInQuestion, string[]> = {
  type: 'fill-in',
  interactionType: 'fill-in',
  validate(question) {
    question.boolean('caseSensitive');
    question.boolean('partialCredit');
    question.oneOf('whitespace', ['normalize', 'exact'] as const);
    const blanks = question.array('blanks', { required: true, nonEmpty: true }) ?? [];
    blanks.forEach((blank, index) => {
      const path = joinPath(question.at('blanks'), index);
      if (!isObject(blank)) {
        question.report.add(path, 'must be an object');
        return;
      }
      const checker = new FieldChecker(blank, path, question.report);
      checkAccept(checker, 'accept');
      checker.string('label');
    });
  },
  isAnswered: (_question, response) => stringArray(response) && response.some((v) => v.trim() !== ''),
  score(question, response) {
    if (!stringArray(response)) return 0;
    const right = question.blanks.filter((blank, i) =>
      matchesText(response[i] ?? '', blank.accept, question.caseSensitive, question.whitespace),
    ).length;
    if (question.partialCredit) return right / question.blanks.length;
    return right === question.blanks.length ? 1 : 0;
  },
  xapiResponse: (_question, response) => response.join('[,]'),
  correctResponsesPattern(question) {
    const all = combinations(question.blanks.map((blank) => blank.accept));
    if (!all) return undefined; // too many combinations to list: the spec advises leaving the pattern out
    const prefix = question.caseSensitive ? '{case_matters=true}' : '';
    return all.map((answers) => prefix + answers.join('[,]'));
  },
};

/** Free text, graded by a person: pending until then. */
export const longFillInType: QuestionTypeDefinition<LongFillInQuestion, string> = {
  type: 'long-fill-in',
  interactionType: 'long-fill-in',
  validate(question) {
    question.number('maxLength', { min: 1, integer: true });
    question.string('graderNotes');
  },
  isAnswered: (_question, response) => typeof response === 'string' && response.trim() !== '',
  score: (_question, response) => (typeof response === 'string' && response.trim() !== '' ? 'pending' : 0),
  xapiResponse: (_question, response) => response,
  // Any well-argued answer can be right: the spec says to leave the pattern out.
  correctResponsesPattern: () => undefined,
};
