import { isObject, joinPath } from '../../course/checks.js';
import type { MatchingQuestion } from '../model.js';
import type { QuestionTypeDefinition } from '../question-types.js';
import { checkItems, stringRecord, toComponents } from './shared.js';

/** Every source to its right target (or left unmatched when it has none); `partialCredit` per source. */
export const matchingType: QuestionTypeDefinition<MatchingQuestion, Record<string, string>> = {
  type: 'matching',
  interactionType: 'matching',
  validate(question) {
    question.boolean('partialCredit');
    const sources = new Set(checkItems(question, 'sources').map((s) => s.id));
    const targets = new Set(checkItems(question, 'targets').map((t) => t.id));
    const pairs = question.array('pairs', { required: true, nonEmpty: true }) ?? [];
    const paired = new Set<string>();
    pairs.forEach((pair, index) => {
      const path = joinPath(question.at('pairs'), index);
      if (!isObject(pair) || typeof pair.source !== 'string' || typeof pair.target !== 'string') {
        question.report.add(path, 'must be { "source": id, "target": id }');
        return;
      }
      if (!sources.has(pair.source)) question.report.add(joinPath(path, 'source'), `unknown source "${pair.source}"`);
      if (!targets.has(pair.target)) question.report.add(joinPath(path, 'target'), `unknown target "${pair.target}"`);
      if (paired.has(pair.source)) question.report.add(joinPath(path, 'source'), `"${pair.source}" is paired twice`);
      paired.add(pair.source);
    });
  },
  isAnswered: (_question, response) => stringRecord(response) && Object.values(response).some(Boolean),
  score(question, response) {
    const given = stringRecord(response) ? response : {};
    const expected = new Map(question.pairs.map((p) => [p.source, p.target]));
    const right = question.sources.filter((s) => (given[s.id] || undefined) === expected.get(s.id)).length;
    if (question.partialCredit) return right / question.sources.length;
    return right === question.sources.length ? 1 : 0;
  },
  xapiResponse: (question, response) =>
    question.sources
      .filter((s) => response[s.id])
      .map((s) => `${s.id}[.]${response[s.id]}`)
      .join('[,]'),
  correctResponsesPattern: (question) => [question.pairs.map((p) => `${p.source}[.]${p.target}`).join('[,]')],
  components: (question, text) => ({ source: toComponents(question.sources, text), target: toComponents(question.targets, text) }),
  shuffled: (question, shuffleChoices) => (shuffleChoices ? question.targets.map((t) => t.id) : undefined),
};
