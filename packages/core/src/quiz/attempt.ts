import type { Question, Quiz } from './model.js';
import { getQuestionType, type Credit } from './question-types.js';

/** What the learner answered to one question. */
export interface QuestionResponse {
  value: unknown;
  answeredAt: string;
  /** Checked with immediate feedback: the answer is final. */
  checked?: boolean;
  /** A person's grade, for questions that need one (long-fill-in). */
  grade?: ManualGrade;
}

export interface ManualGrade {
  /** 0..1 of the question's weight. */
  credit: number;
  /** Shown to the learner in review (HTML). */
  feedback?: string;
  grader?: string;
  gradedAt: string;
}

export interface QuestionResult {
  /** 0..1, or null while waiting for a grade. */
  credit: number | null;
  points: number;
  max: number;
  answered: boolean;
  /** Full credit; undefined for unscored questions and while pending. */
  correct?: boolean;
}

export interface AttemptResult {
  /** Points earned, weights applied. */
  raw: number;
  /** Points available. */
  max: number;
  /** raw / max, 0..1 (1 when nothing is scored). */
  scaled: number;
  /** Undefined when the quiz has no passing score, or while a question waits for a grade. */
  passed?: boolean;
  /** Some answer waits for a person to grade it. */
  pending: boolean;
  durationMs: number;
  questions: Record<string, QuestionResult>;
}

/** The quiz-specific content of a stored attempt (`Attempt.data` in `@lms-kit/storage`). */
export interface QuizAttemptData {
  quizId: string;
  quizVersion?: string;
  /** 1 for the learner's first attempt. */
  number: number;
  /** The questions of this attempt, in the order shown. */
  questionIds: string[];
  /** Shuffled parts per question (choices, matching targets, sequencing items), in the order shown. */
  order: Record<string, string[]>;
  responses: Record<string, QuestionResponse>;
  /** ISO time the attempt is submitted automatically. */
  deadline?: string;
  submittedAt?: string;
  result?: AttemptResult;
  /** What a grader needs without the quiz, kept while answers wait for a person (see `gradingSnapshot`). */
  grading?: GradingSnapshot;
}

/** The questions waiting for a person and how the attempt is judged, copied from the quiz at submit. */
export interface GradingSnapshot {
  quizTitle: string;
  passingScore?: Quiz['passingScore'];
  /** xAPI registration and parent course activity of the attempt's statements. */
  registration?: string;
  courseActivityId?: string;
  questions: Record<string, { text: string; title?: string; type: string; weight: number; rubric?: string; graderNotes?: string }>;
}

export type QuizAttemptStatus = 'in-progress' | 'pending-grading' | 'completed';

/** A stored quiz attempt: the storage adapter's `Attempt` with quiz data. */
export interface QuizAttempt {
  id: string;
  learnerId: string;
  courseId: string;
  activityId: string;
  status: QuizAttemptStatus | 'abandoned';
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  data: QuizAttemptData;
  [field: string]: unknown;
}

export type Random = () => number;

/** Every question of the quiz by id, banks included. */
export function questionPool(quiz: Quiz): Map<string, Question> {
  const all = [...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((bank) => bank.questions)];
  return new Map(all.map((question) => [question.id, question]));
}

/** Fisher–Yates, with the random source passed in so tests can fix it. */
export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface StartOptions {
  number: number;
  now: Date;
  random?: Random;
}

/** Draws and orders the questions of a new attempt; the order is stored, so a reload shows the same. */
export function startAttempt(quiz: Quiz, { number, now, random = Math.random }: StartOptions): QuizAttemptData {
  const chosen = new Set((quiz.questions ?? []).map((q) => q.id));
  const ids = [...chosen];
  for (const rule of quiz.draw ?? []) {
    const bank = quiz.banks?.find((b) => b.id === rule.bank);
    const pool = (bank?.questions ?? []).filter((q) => !chosen.has(q.id) && (rule.tag === undefined || q.tags?.includes(rule.tag)));
    for (const question of shuffle(pool, random).slice(0, rule.count)) {
      chosen.add(question.id);
      ids.push(question.id);
    }
  }
  const questionIds = quiz.shuffleQuestions ? shuffle(ids, random) : ids;
  const pool = questionPool(quiz);
  const order: Record<string, string[]> = {};
  for (const id of questionIds) {
    const question = pool.get(id) as Question;
    const parts = getQuestionType(question.type)?.shuffled?.(question, quiz.shuffleChoices === true);
    if (!parts) continue;
    let shuffled = shuffle(parts, random);
    // Sequencing shown in the right order would answer itself: turn it once more.
    if (question.type === 'sequencing' && shuffled.every((part, i) => part === parts[i])) shuffled = [...parts.slice(1), parts[0]];
    order[id] = shuffled;
  }
  const data: QuizAttemptData = { quizId: quiz.id, number, questionIds, order, responses: {} };
  if (quiz.version) data.quizVersion = quiz.version;
  if (quiz.timeLimit) data.deadline = new Date(now.getTime() + quiz.timeLimit * 1000).toISOString();
  return data;
}

/** The questions of an attempt in the order shown (questions no longer in the quiz are left out). */
export function attemptQuestions(quiz: Quiz, data: QuizAttemptData): Question[] {
  const pool = questionPool(quiz);
  return data.questionIds.map((id) => pool.get(id)).filter((q): q is Question => q !== undefined);
}

/** Records an answer; answers of a submitted attempt or of a checked question do not change. */
export function answerQuestion(data: QuizAttemptData, questionId: string, value: unknown, now: Date): QuizAttemptData {
  if (data.submittedAt || data.responses[questionId]?.checked || !data.questionIds.includes(questionId)) return data;
  return { ...data, responses: { ...data.responses, [questionId]: { value, answeredAt: now.toISOString() } } };
}

/** Immediate feedback: the answer is checked and becomes final. */
export function checkQuestion(data: QuizAttemptData, questionId: string): QuizAttemptData {
  const response = data.responses[questionId];
  if (!response || data.submittedAt) return data;
  return { ...data, responses: { ...data.responses, [questionId]: { ...response, checked: true } } };
}

export function isQuestionScored(question: Question): boolean {
  return getQuestionType(question.type)?.scored !== false && (question.weight ?? 1) > 0;
}

/** Whether the learner gave a real answer (an empty text box or no selection is none). */
export function isAnswered(question: Question, response: QuestionResponse | undefined): boolean {
  if (!response) return false;
  return getQuestionType(question.type)?.isAnswered(question, response.value) ?? false;
}

/** Credit for one question's response, a person's grade first. */
export function questionCredit(question: Question, response: QuestionResponse | undefined): Credit {
  if (response?.grade) return response.grade.credit;
  const type = getQuestionType(question.type);
  if (!type) return 0;
  if (question.manual) return isAnswered(question, response) ? 'pending' : 0;
  const credit = type.score(question, isAnswered(question, response) ? response?.value : undefined);
  return credit === 'pending' ? credit : Math.min(1, Math.max(0, credit));
}

/** Scores an attempt as it stands. */
export function scoreAttempt(quiz: Quiz, data: QuizAttemptData, startedAt: string, now: Date): AttemptResult {
  let raw = 0;
  let max = 0;
  let pending = false;
  const questions: Record<string, QuestionResult> = {};
  for (const question of attemptQuestions(quiz, data)) {
    const response = data.responses[question.id];
    const answered = isAnswered(question, response);
    if (!isQuestionScored(question)) {
      questions[question.id] = { credit: null, points: 0, max: 0, answered };
      continue;
    }
    const weight = question.weight ?? 1;
    const credit = questionCredit(question, response);
    max += weight;
    if (credit === 'pending') {
      pending = true;
      questions[question.id] = { credit: null, points: 0, max: weight, answered };
    } else {
      raw += credit * weight;
      questions[question.id] = { credit, points: round(credit * weight), max: weight, answered, correct: credit === 1 };
    }
  }
  raw = round(raw);
  const scaled = max > 0 ? round(raw / max) : 1;
  const end = data.submittedAt ? new Date(data.submittedAt) : now;
  const result: AttemptResult = { raw, max, scaled, pending, durationMs: Math.max(0, end.getTime() - Date.parse(startedAt)), questions };
  if (quiz.passingScore && !pending) result.passed = meetsPassingScore(quiz, raw, max);
  return result;
}

function meetsPassingScore(quiz: Quiz, raw: number, max: number): boolean {
  const rule = quiz.passingScore;
  if (!rule) return true;
  if ('points' in rule) return raw + 1e-9 >= rule.points;
  return (max > 0 ? (raw / max) * 100 : 100) + 1e-9 >= rule.percent;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/**
 * Ends an attempt: questions left as shown count as answered that way (a sequence the learner
 * accepts), the result is computed. At the deadline, pass the deadline as `now`.
 */
export function submitAttempt(quiz: Quiz, data: QuizAttemptData, startedAt: string, now: Date): QuizAttemptData {
  if (data.submittedAt) return data;
  const responses = { ...data.responses };
  for (const question of attemptQuestions(quiz, data)) {
    if (responses[question.id]) continue;
    const shown = getQuestionType(question.type)?.shownResponse?.(question, data.order[question.id]);
    if (shown !== undefined) responses[question.id] = { value: shown, answeredAt: now.toISOString() };
  }
  const submitted: QuizAttemptData = { ...data, responses, submittedAt: now.toISOString() };
  return { ...submitted, result: scoreAttempt(quiz, submitted, startedAt, now) };
}

/** A person grades a question waiting for it (or re-grades one); the result is computed again. */
export function gradeQuestion(
  quiz: Quiz,
  data: QuizAttemptData,
  startedAt: string,
  questionId: string,
  grade: { credit: number; feedback?: string; grader?: string },
  now: Date,
): QuizAttemptData {
  const response = data.responses[questionId] ?? { value: undefined, answeredAt: now.toISOString() };
  const credit = Math.min(1, Math.max(0, grade.credit));
  const graded: QuizAttemptData = {
    ...data,
    responses: { ...data.responses, [questionId]: { ...response, grade: { ...grade, credit, gradedAt: now.toISOString() } } },
  };
  return graded.submittedAt ? { ...graded, result: scoreAttempt(quiz, graded, startedAt, now) } : graded;
}

export function attemptStatus(data: QuizAttemptData): QuizAttemptStatus {
  if (!data.submittedAt) return 'in-progress';
  return data.result?.pending ? 'pending-grading' : 'completed';
}

/** The deadline has passed: the attempt must be submitted (as of its deadline). */
export function isOverdue(data: QuizAttemptData, now: Date): boolean {
  return !data.submittedAt && data.deadline !== undefined && now.getTime() >= Date.parse(data.deadline);
}

/** Attempts still allowed after `used` (Infinity when unlimited). */
export function attemptsLeft(quiz: Quiz, used: number): number {
  return quiz.maxAttempts === undefined ? Infinity : Math.max(0, quiz.maxAttempts - used);
}

/** Whether review may show the right answers, given the quiz setting, this result and attempts left. */
export function mayShowCorrectAnswers(quiz: Quiz, result: AttemptResult | undefined, left: number): boolean {
  const rule = quiz.showCorrectAnswers ?? 'always';
  if (rule === 'never' || !result) return false;
  return rule === 'always' || result.passed === true || left === 0;
}

/** The best of several results: passed first, then the highest scaled score. */
export function bestResult(results: AttemptResult[]): AttemptResult | undefined {
  return [...results].sort((a, b) => Number(b.passed === true) - Number(a.passed === true) || b.scaled - a.scaled)[0];
}
