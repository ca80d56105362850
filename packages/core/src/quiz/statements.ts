import type { Learner } from '../learner.js';
import { toIsoDuration } from '../xapi/duration.js';
import type { Activity, ActivityDefinition, LanguageMap, Statement, StatementContext, StatementResult, Verb } from '../xapi/model.js';
import { buildStatement } from '../xapi/statements.js';
import { ActivityTypes, PLATFORM, Verbs } from '../xapi/vocabulary.js';
import type { AttemptResult, QuestionResponse } from './attempt.js';
import { isAnswered, isQuestionScored, questionCredit } from './attempt.js';
import type { Question, Quiz } from './model.js';
import { getQuestionType } from './question-types.js';
import { plainText } from './text.js';

export interface QuizStatementOptions {
  quiz: Quiz;
  learner: Learner;
  /** The quiz's activity IRI: inside a course, the lesson's. Default `quiz.activityId` or `urn:lms-kit:quiz:<id>`. */
  activityId?: string;
  /** Quiz title override (the lesson title inside a course). */
  title?: string;
  /** xAPI registration (the course enrollment's, or the attempt's id for a quiz on its own). */
  registration?: string;
  /** The course the quiz is part of: its activity becomes the quiz's parent and the questions' grouping. */
  course?: Activity;
  language?: string;
}

export function quizActivityId(quiz: Quiz): string {
  return quiz.activityId ?? `urn:lms-kit:quiz:${quiz.id}`;
}

/** `<quiz IRI>/questions/<id>` (or `:question:<id>` under a URN), as ADL's SCORM profile nests interactions under their activity. */
export function questionActivityId(quizIri: string, questionId: string): string {
  return quizIri.startsWith('urn:')
    ? `${quizIri}:question:${questionId}`
    : `${quizIri.replace(/\/$/, '')}/questions/${encodeURIComponent(questionId)}`;
}

/**
 * The statements of a quiz: `attempted` when an attempt starts, `answered` per question with the
 * cmi.interaction definition of its type, and `passed`/`failed` then `completed` for the attempt.
 */
export class QuizStatements {
  readonly activityId: string;
  private readonly language: string;

  constructor(private readonly options: QuizStatementOptions) {
    this.activityId = options.activityId ?? quizActivityId(options.quiz);
    this.language = options.language ?? options.quiz.language ?? 'und';
  }

  private text(html: string): LanguageMap {
    return { [this.language]: plainText(html) };
  }

  quizActivity(): Activity {
    return {
      objectType: 'Activity',
      id: this.activityId,
      definition: { type: ActivityTypes.assessment, name: this.text(this.options.title ?? this.options.quiz.title) },
    };
  }

  /** The question as a cmi.interaction activity: interactionType, correctResponsesPattern and component lists. */
  questionActivity(question: Question): Activity {
    const type = getQuestionType(question.type);
    const definition: ActivityDefinition = {
      type: ActivityTypes.interaction,
      name: this.text(question.title ?? plainText(question.text).slice(0, 120)),
      description: this.text(question.text),
      interactionType: type?.interactionType ?? 'other',
    };
    const pattern = type?.correctResponsesPattern(question);
    if (pattern && isQuestionScored(question)) definition.correctResponsesPattern = pattern;
    Object.assign(
      definition,
      type?.components?.(question, (html) => this.text(html)),
    );
    return { objectType: 'Activity', id: questionActivityId(this.activityId, question.id), definition };
  }

  private context(parent: Activity | undefined, grouping: Activity | undefined): StatementContext {
    const context: StatementContext = { platform: PLATFORM };
    if (this.language !== 'und') context.language = this.language;
    if (this.options.registration) context.registration = this.options.registration;
    if (parent || grouping) {
      context.contextActivities = {};
      if (parent) context.contextActivities.parent = [parent];
      if (grouping) context.contextActivities.grouping = [grouping];
    }
    return context;
  }

  private build(verb: Verb, object: Activity, result: StatementResult | undefined, context: StatementContext, now?: Date): Statement {
    return buildStatement({ actor: this.options.learner.actor, verb, object, result, context, timestamp: now });
  }

  attempted(now?: Date): Statement {
    return this.build(Verbs.attempted, this.quizActivity(), undefined, this.context(this.options.course, undefined), now);
  }

  /** `answered` with the response in the interaction type's format; success and score once it is scored. */
  answered(question: Question, response: QuestionResponse, now?: Date): Statement | undefined {
    const type = getQuestionType(question.type);
    if (!type || !isAnswered(question, response)) return undefined;
    const result: StatementResult = { response: type.xapiResponse(question, response.value) };
    const credit = questionCredit(question, response);
    if (isQuestionScored(question) && credit !== 'pending') {
      const weight = question.weight ?? 1;
      result.success = credit === 1;
      result.score = { scaled: credit, raw: Math.round(credit * weight * 10000) / 10000, min: 0, max: weight };
    }
    return this.build(Verbs.answered, this.questionActivity(question), result, this.context(this.quizActivity(), this.options.course), now);
  }

  /** `passed` or `failed` (when the quiz has a passing score and nothing is pending) and `completed`. */
  attemptFinished(result: AttemptResult, now?: Date): Statement[] {
    const score = result.max > 0 ? { scaled: result.scaled, raw: result.raw, min: 0, max: result.max } : undefined;
    const base: StatementResult = { completion: true, duration: toIsoDuration(result.durationMs) };
    const context = this.context(this.options.course, undefined);
    const statements: Statement[] = [];
    if (result.passed !== undefined) {
      const outcome: StatementResult = { ...base, success: result.passed };
      if (score) outcome.score = score;
      statements.push(this.build(result.passed ? Verbs.passed : Verbs.failed, this.quizActivity(), outcome, context, now));
    }
    const completed: StatementResult = { ...base };
    if (!result.pending && score) completed.score = score;
    if (result.passed !== undefined) completed.success = result.passed;
    statements.push(this.build(Verbs.completed, this.quizActivity(), completed, context, now));
    return statements;
  }
}
