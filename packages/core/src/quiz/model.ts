/**
 * Quiz JSON, schema version 1. A quiz is data an author writes by hand, exports from a tool or
 * imports from GIFT or Aiken; `validateQuiz` checks it. Reference: packages/core/README.md ("Quiz JSON").
 */
import type { LessonBase } from '../course/model.js';

export const QUIZ_SCHEMA = 1;

/** The interaction types of xAPI (and SCORM 2004 `cmi.interactions.n.type`). */
export type InteractionType =
  'true-false' | 'choice' | 'fill-in' | 'long-fill-in' | 'matching' | 'performance' | 'sequencing' | 'likert' | 'numeric' | 'other';

/** When the learner sees whether an answer was right. */
export type FeedbackMode = 'immediate' | 'after-submit' | 'none';

/** When review shows the correct answers: always, once passed or out of attempts, or never. */
export type ShowCorrectAnswers = 'always' | 'when-done' | 'never';

export interface Quiz {
  schema: typeof QUIZ_SCHEMA;
  /** Stable id: attempts are stored under it. */
  id: string;
  title: string;
  /** HTML shown before the learner starts (sanitized). */
  description?: string;
  version?: string;
  /** BCP 47 language of the content. */
  language?: string;
  /** xAPI activity IRI; default `urn:lms-kit:quiz:<id>` (inside a course: the lesson's activity). */
  activityId?: string;
  /** Questions every attempt has. */
  questions?: Question[];
  /** Pools that `draw` picks from. */
  banks?: QuestionBank[];
  /** Random picks per attempt, from a bank, optionally only questions with a tag. */
  draw?: DrawRule[];
  /** Shuffle question order per attempt (kept for the attempt). Default false. */
  shuffleQuestions?: boolean;
  /** Shuffle choices of choice and matching questions per attempt (kept for the attempt). Default false. */
  shuffleChoices?: boolean;
  /** What passing takes; without it the quiz is completed on submit and has no pass or fail. */
  passingScore?: PassingScore;
  /** Attempts allowed; default unlimited. */
  maxAttempts?: number;
  /** Seconds from the start of an attempt; it is submitted automatically at the deadline. */
  timeLimit?: number;
  /** Default `after-submit`. */
  feedback?: FeedbackMode;
  /** Default `always`. */
  showCorrectAnswers?: ShowCorrectAnswers;
  /**
   * Who grades: `page` (default) scores in the browser; `server` keeps the answer key on the LMS Kit
   * server, which hands out the questions, keeps the clock and the attempt count, and grades.
   */
  grading?: QuizGrading;
}

export type QuizGrading = 'page' | 'server';

export type PassingScore = { percent: number } | { points: number };

export interface QuestionBank {
  id: string;
  title?: string;
  questions: Question[];
}

export interface DrawRule {
  /** Id of a bank. */
  bank: string;
  count: number;
  /** Only questions of the bank with this tag. */
  tag?: string;
}

/** Feedback on the whole question (HTML). */
export interface QuestionFeedback {
  correct?: string;
  incorrect?: string;
  /** Some, not all, credit. */
  partial?: string;
  /** Shown whatever the answer. */
  general?: string;
}

export interface QuestionBase {
  /** Unique in the quiz (banks included). */
  id: string;
  type: string;
  /** The question, HTML (sanitized; images and media allowed). */
  text: string;
  /** Short name, used in the xAPI activity name. */
  title?: string;
  /** Points the question is worth. Default 1; 0 makes it unscored. */
  weight?: number;
  tags?: string[];
  feedback?: QuestionFeedback;
  /** A person grades the answer (the attempt waits in `pending-grading`), whatever the type. */
  manual?: boolean;
  /** How the grader scores it (HTML): shown to the grader, never to the learner. */
  rubric?: string;
}

/** A labelled item: a choice, a matching source or target, a step, a scale point. */
export interface Item {
  id: string;
  /** HTML. */
  text: string;
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  correct: boolean;
  /** Feedback when the learner answers true / false. */
  trueFeedback?: string;
  falseFeedback?: string;
}

export interface Choice extends Item {
  correct?: boolean;
  /** Shown when this choice is selected. */
  feedback?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  /** Several answers may be selected (checkboxes). */
  multiple?: boolean;
  /** Multiple answer: credit for each right choice, less each wrong one, instead of all or nothing. */
  partialCredit?: boolean;
  choices: Choice[];
}

export interface Blank {
  /** Accepted answers. */
  accept: string[];
  /** Label of the input; default "Blank N". */
  label?: string;
}

/** How answers are compared: `normalize` (default) trims and collapses inner spaces; `exact` keeps them. */
export type WhitespaceRule = 'normalize' | 'exact';

export interface FillInQuestion extends QuestionBase {
  type: 'fill-in';
  /** One or more blanks; `{{1}}`, `{{2}}` in `text` mark where they are. */
  blanks: Blank[];
  caseSensitive?: boolean;
  whitespace?: WhitespaceRule;
  /** Several blanks: credit per right blank. */
  partialCredit?: boolean;
}

export interface LongFillInQuestion extends QuestionBase {
  type: 'long-fill-in';
  maxLength?: number;
  /** Shown to the grader, never to the learner. */
  graderNotes?: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  sources: Item[];
  targets: Item[];
  /** The right pairs; a source with no pair must be left unmatched. */
  pairs: Array<{ source: string; target: string }>;
  partialCredit?: boolean;
}

export interface SequencingQuestion extends QuestionBase {
  type: 'sequencing';
  /** In the right order; shown shuffled. */
  items: Item[];
  /** Credit for each item in its right place. */
  partialCredit?: boolean;
}

/** A number (`value`, with an optional `tolerance` either side) or a range (`min`, `max`, either open). All bounds included. */
export interface NumericAnswer {
  value?: number;
  tolerance?: number;
  min?: number;
  max?: number;
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  /** Any of them is right. */
  answers: NumericAnswer[];
  /** Unit shown after the input, e.g. "°C". */
  unit?: string;
}

export interface LikertQuestion extends QuestionBase {
  type: 'likert';
  /** The scale, from one end to the other. Never scored. */
  scale: Item[];
}

export interface PerformanceStep extends Item {
  /** Accepted text answers… */
  accept?: string[];
  /** …or a number or range. */
  numeric?: NumericAnswer;
  caseSensitive?: boolean;
}

export interface PerformanceQuestion extends QuestionBase {
  type: 'performance';
  /** Steps in the order they are performed, each with its expected value. */
  steps: PerformanceStep[];
  partialCredit?: boolean;
}

/** Question types by name; packages and sites that add a type augment this interface. */
export interface QuestionTypes {
  'true-false': TrueFalseQuestion;
  choice: ChoiceQuestion;
  'fill-in': FillInQuestion;
  'long-fill-in': LongFillInQuestion;
  matching: MatchingQuestion;
  sequencing: SequencingQuestion;
  numeric: NumericQuestion;
  likert: LikertQuestion;
  performance: PerformanceQuestion;
}

export type Question = QuestionTypes[keyof QuestionTypes] | (QuestionBase & Record<string, unknown>);

/** The learner's answer to each built-in type. */
export interface ResponseTypes {
  'true-false': boolean;
  /** Selected choice ids. */
  choice: string[];
  /** One string per blank. */
  'fill-in': string[];
  'long-fill-in': string;
  /** Source id → target id. */
  matching: Record<string, string>;
  /** Item ids in the learner's order. */
  sequencing: string[];
  /** As typed; parsed when scored. */
  numeric: string;
  /** Scale item id. */
  likert: string;
  /** Step id → value. */
  performance: Record<string, string>;
}

/** A quiz inside a course: `{ "kind": "quiz", "src": "quiz.json" }` or the quiz inline as `quiz`. */
export interface QuizLesson extends LessonBase {
  kind: 'quiz';
  /** URL of the quiz JSON (or a `.gift` / Aiken `.txt` file), relative to the course document. */
  src?: string;
  quiz?: Quiz;
}
