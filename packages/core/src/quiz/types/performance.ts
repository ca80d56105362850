import { joinPath, FieldChecker } from '../../course/checks.js';
import type { PerformanceQuestion, PerformanceStep } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import {
  checkAccept,
  checkItems,
  checkNumericAnswer,
  combinations,
  formatNumber,
  inNumericRange,
  matchesText,
  numericPattern,
  parseNumber,
  stringRecord,
  toComponents,
} from './shared.js';

function stepRight(step: PerformanceStep, value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return false;
  if (step.numeric) {
    const number = parseNumber(value);
    return number !== undefined && inNumericRange(number, step.numeric);
  }
  return matchesText(value, step.accept ?? [], step.caseSensitive);
}

/** Steps performed in order, each with the value it should produce (text or number); `partialCredit` per step. */
export const performanceType: QuestionTypeDefinition<PerformanceQuestion, Record<string, string>> = {
  type: 'performance',
  interactionType: 'performance',
  validate(question) {
    question.boolean('partialCredit');
    const steps = checkItems(question, 'steps');
    steps.forEach((step, index) => {
      const checker = new FieldChecker(step as unknown as Record<string, unknown>, joinPath(question.at('steps'), index), question.report);
      const numeric = checker.object_('numeric');
      if (numeric) checkNumericAnswer(numeric);
      if (checker.has('accept') === Boolean(numeric)) checker.report.add(checker.path, 'needs either accept (text answers) or numeric');
      else if (!numeric) checkAccept(checker, 'accept');
      checker.boolean('caseSensitive');
    });
  },
  isAnswered: (_question, response) => stringRecord(response) && Object.values(response).some((v) => v.trim() !== ''),
  score(question, response) {
    const given = stringRecord(response) ? response : {};
    const right = question.steps.filter((step) => stepRight(step, given[step.id])).length;
    if (question.partialCredit) return right / question.steps.length;
    return right === question.steps.length ? 1 : 0;
  },
  xapiResponse: (question, response) =>
    question.steps
      .filter((step) => (response[step.id] ?? '').trim() !== '')
      .map((step) => {
        const value = response[step.id].trim();
        const number = step.numeric ? parseNumber(value) : undefined;
        return `${step.id}[.]${number === undefined ? value : formatNumber(number)}`;
      })
      .join('[,]'),
  correctResponsesPattern(question) {
    const perStep = question.steps.map((step) =>
      step.numeric ? [`${step.id}[.]${numericPattern(step.numeric)}`] : (step.accept ?? []).map((a) => `${step.id}[.]${a}`),
    );
    const all = combinations(perStep);
    if (!all) return undefined;
    const caseMatters = question.steps.some((s) => s.caseSensitive && !s.numeric);
    return all.map((steps) => (caseMatters ? '{case_matters=true}' : '') + steps.join('[,]'));
  },
  components: (question, text) => ({ steps: toComponents(question.steps, text) }),
};
