import { toLmsError, uuid, type Activity, type LmsError, type Statement } from '@lms-kit/core';
import {
  QuizStatements,
  answerQuestion,
  attemptQuestions,
  attemptStatus,
  attemptsLeft,
  checkQuestion,
  gradeQuestion,
  gradingSnapshot,
  isAnswered,
  isOverdue,
  quizActivityId,
  startAttempt,
  submitAttempt,
  type Quiz,
  type QuizAttempt,
  type QuizAttemptData,
  type RemoteAttemptView,
  type RemoteQuizGrader,
} from '@lms-kit/core/quiz';
import type { AttemptCompleteDetail, ErrorDetail, QuestionAnswerDetail, QuizStartDetail, QuizSubmitDetail } from '../events.js';
import { serialQueue } from '../serial-queue.js';
import { mergeAttempts, saveMergedAttempt } from './attempt-merge.js';
import { forgetDrafts, journalDraft, journaledDrafts } from './draft-journal.js';
import { findGrader, RemoteQuiz } from './remote-quiz.js';
import { Session } from '../session.js';
import { statementSink, type SessionOptions, type SessionServices } from '../services.js';

/** Events of a quiz session, named like `<lms-quiz>`'s, and the two time announcements. */
export interface QuizSessionEvents {
  'lms-quiz-start': QuizStartDetail;
  'lms-question-answer': QuestionAnswerDetail;
  /** Return `false` from a listener to keep the attempt open (not at the deadline). */
  'lms-quiz-submit': QuizSubmitDetail;
  'lms-attempt-complete': AttemptCompleteDetail;
  'lms-error': ErrorDetail;
  /** The deadline is this many minutes away (said at 5 and 1 minutes). */
  'time-left': { minutes: number };
  /** The deadline submitted the attempt. */
  'time-up': { attemptId: string };
}

/** What a quiz session shows: the same object until something changes. */
export interface QuizSessionState {
  quiz?: Quiz;
  context?: QuizContext;
  /** Every attempt of this learner at this quiz, oldest first. */
  attempts: QuizAttempt[];
  /** The attempt shown: the one in progress, else the latest. */
  current?: QuizAttempt;
  inProgress: boolean;
  /** Attempts left (Infinity without a limit). */
  left: number;
  saveError?: LmsError;
  /** Server-graded quiz: review carries the right answers (the server decided). */
  correctAnswersShown?: boolean;
}

/** Where a quiz lives: on its own page, or as a lesson of a course. */
export interface QuizContext {
  /** Attempts are stored under it: the course's id, or `quiz:<quiz id>` for a quiz on its own. */
  courseId: string;
  /** xAPI activity IRI of the quiz (the lesson's inside a course). */
  activityId: string;
  /** xAPI registration; default the attempt's id. */
  registration?: string;
  /** The course activity, parent of the quiz in statements. */
  course?: Activity;
  title?: string;
  language?: string;
}

const DRAFT_SAVE_DELAY_MS = 500;
const DRAFT_SAVE_MAX_WAIT_MS = 3000;

export function standaloneContext(quiz: Quiz): QuizContext {
  return { courseId: `quiz:${quiz.id}`, activityId: quizActivityId(quiz) };
}

/**
 * One learner taking one quiz: attempts stored through the storage adapter (answers, shuffled
 * order, deadline, results), so a reload or another tab resumes them; statements queued to the
 * outbox; the quiz's events sent to its listeners.
 */
export interface QuizSessionOptions extends SessionOptions {
  /** Grader of `"grading": "server"` quizzes; default the storage's (`HttpStorageAdapter.quizzes`). */
  grader?: RemoteQuizGrader;
}

export class QuizSession extends Session<QuizSessionState, QuizSessionEvents> {
  quiz?: Quiz;
  context?: QuizContext;
  attempts: QuizAttempt[] = [];
  /** The attempt shown: the one in progress, else the latest. */
  current?: QuizAttempt;
  saveError?: LmsError;
  /** Set while the quiz open is graded by a server: attempts go through it, never through storage. */
  remote?: RemoteQuiz;

  private services?: SessionServices;
  private readonly clock: () => Date;
  private deadlineTimer?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;
  /** Session steps run one after another, so fast clicks cannot interleave them. */
  private readonly serial = serialQueue();

  /** Answers being typed, not yet given (saved after a pause in typing, at most every few seconds, and at pagehide). */
  private readonly drafts = new Map<string, unknown>();
  private draftTimer?: ReturnType<typeof setTimeout>;
  private draftSince?: number;
  private listening?: AbortController;
  /** Statements on their way to the outbox, for `settled()`. */
  private readonly sending = new Set<Promise<void>>();

  constructor(private readonly options: QuizSessionOptions = {}) {
    super();
    this.services = options.services;
    this.clock = options.clock ?? (() => new Date());
    this.connect();
  }

  override connect(): void {
    if (this.listening || this.isDisposed || typeof window === 'undefined') return;
    this.listening = new AbortController();
    // The page may be going away: what is being typed is given now.
    window.addEventListener('pagehide', () => this.flushDrafts(), { signal: this.listening.signal });
  }

  protected snapshotState(): QuizSessionState {
    const { quiz, context, attempts, current, inProgress, left, saveError } = this;
    return { quiz, context, attempts, current, inProgress, left, saveError, correctAnswersShown: this.remote?.correctAnswersShown };
  }

  /** Stops the deadline timer and listening to storage; `open()` starts them again. */
  override disconnect(): void {
    this.flushDrafts();
    this.listening?.abort();
    this.listening = undefined;
    clearTimeout(this.deadlineTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  get inProgress(): boolean {
    return this.current?.status === 'in-progress';
  }

  get used(): number {
    return this.attempts.filter((a) => a.status !== 'abandoned').length;
  }

  get left(): number {
    if (this.remote) return this.remote.left;
    return this.quiz ? attemptsLeft(this.quiz, this.used) : 0;
  }

  private statements(attempt: QuizAttempt): QuizStatements | undefined {
    const { quiz, context, services } = this;
    if (!quiz || !context || !services) return undefined;
    return new QuizStatements({
      quiz,
      learner: services.learner,
      activityId: context.activityId,
      title: context.title,
      registration: context.registration ?? attempt.id,
      course: context.course,
      language: context.language,
    });
  }

  /** Loads the learner's attempts and resumes the one in progress (submitting it if its deadline passed). */
  open(quiz: Quiz, context: QuizContext = standaloneContext(quiz), services = this.options.services): Promise<void> {
    return this.serial(async () => {
      clearTimeout(this.deadlineTimer);
      this.unsubscribe?.();
      this.quiz = quiz;
      this.context = context;
      this.services = services;
      if (!services) throw toLmsError(new Error('a quiz session needs storage and a learner'), 'quiz/no-services');
      this.remote = quiz.grading === 'server' ? new RemoteQuiz(findGrader(services, this.options.grader), this.clock) : undefined;
      if (this.remote) return this.reloadRemote();
      await this.reload();
      this.unsubscribe = services.storage.subscribe((change) => {
        if (change.type === 'attempt' && change.learnerId === services.learner.id && change.activityId === context.activityId) {
          void this.serial(() => this.reload());
        }
      });
    });
  }

  private async reload(): Promise<void> {
    const { services, context } = this;
    if (!services || !context) return;
    const stored = (await services.storage.listAttempts({
      learnerId: services.learner.id,
      courseId: context.courseId,
      activityId: context.activityId,
    })) as QuizAttempt[];
    const before = this.current;
    // A change this session made and has not seen stored yet (answers given quickly) is newer than what was read.
    const known = new Map(this.attempts.map((a) => [a.id, a]));
    this.attempts = stored
      .filter((a) => (a.data as QuizAttemptData | undefined)?.quizId === this.quiz?.id)
      .map((a) => {
        const mine = known.get(a.id);
        return mine ? mergeAttempts(a, mine) : a;
      });
    const open = this.attempts.filter((a) => a.status === 'in-progress').pop();
    this.current = open ?? this.attempts[this.attempts.length - 1];
    // Graded in another tab or by an instructor: the attempt is now complete (the grader queued its statements).
    if (before && this.current?.id === before.id && before.status === 'pending-grading' && this.current.status === 'completed') {
      this.completed(this.current, false);
    }
    if (this.current?.status === 'in-progress') {
      this.resumeDrafts(this.current);
      if (isOverdue(this.current.data, this.clock())) await this.submitNow(true);
      else this.scheduleDeadline();
    }
    this.changed();
  }

  /** A server-graded quiz: its settings and the learner's attempts as the server has them; the open one resumed. */
  private async reloadRemote(): Promise<void> {
    const remote = this.remote!;
    const state = await remote.grader.state(this.quiz!.id);
    this.quiz = remote.fromState(state);
    this.context = { ...this.context!, courseId: state.courseId, activityId: state.activityId };
    this.attempts = state.attempts;
    const shown = this.attempts.filter((a) => a.status === 'in-progress').pop() ?? this.attempts[this.attempts.length - 1];
    this.current = shown;
    if (shown) this.showRemote(await remote.grader.review(this.quiz.id, shown.id));
    this.changed();
  }

  /** What the server answered becomes what is shown; its deadline is kept on its clock. */
  private showRemote(view: RemoteAttemptView): QuizAttempt {
    const { quiz, attempt } = this.remote!.fromView(this.quiz!, view);
    this.quiz = quiz;
    this.attempts = this.attempts.some((a) => a.id === attempt.id)
      ? this.attempts.map((a) => (a.id === attempt.id ? attempt : a))
      : [...this.attempts, attempt];
    this.current = attempt;
    this.scheduleDeadline();
    return attempt;
  }

  /** Starts a new attempt if one is allowed; resolves to it. */
  start(): Promise<QuizAttempt | undefined> {
    return this.serial(async () => {
      if (this.remote) return this.startRemote();
      const { quiz, context, services } = this;
      if (!quiz || !context || !services || this.inProgress || this.left <= 0) return undefined;
      const now = this.clock();
      const attempt: QuizAttempt = {
        id: uuid(),
        learnerId: services.learner.id,
        courseId: context.courseId,
        activityId: context.activityId,
        status: 'in-progress',
        startedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        data: startAttempt(quiz, { number: this.used + 1, now }),
      };
      this.attempts = [...this.attempts, attempt];
      this.current = attempt;
      await this.save(attempt);
      this.queue([this.statements(attempt)?.attempted(now)]);
      this.scheduleDeadline();
      this.emit('lms-quiz-start', {
        quizId: quiz.id,
        attemptId: attempt.id,
        attempt: attempt.data.number,
        deadline: attempt.data.deadline,
      });
      this.changed();
      return attempt;
    });
  }

  private async startRemote(): Promise<QuizAttempt | undefined> {
    const { quiz, context } = this;
    if (!quiz || !context || this.inProgress || this.left <= 0) return undefined;
    try {
      const attempt = this.showRemote(await this.remote!.grader.start(quiz.id));
      this.queue([this.statements(attempt)?.attempted(new Date(attempt.startedAt))]);
      this.emit('lms-quiz-start', {
        quizId: quiz.id,
        attemptId: attempt.id,
        attempt: attempt.data.number,
        deadline: attempt.data.deadline,
      });
      this.changed();
      return attempt;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Resolves once the steps asked for so far (saves, submits, statements queued) are done. */
  settled(): Promise<void> {
    return this.serial(async () => {
      await Promise.all(this.sending);
    });
  }

  /** Records an answer (saved at once, so a reload keeps it). */
  answer(questionId: string, value: unknown): void {
    this.drafts.delete(questionId);
    const attempt = this.current;
    if (!attempt || attempt.status !== 'in-progress' || !this.quiz) return;
    const data = answerQuestion(attempt.data, questionId, value, this.clock());
    if (data === attempt.data) return;
    this.update(attempt, data, questionId);
    this.emit('lms-question-answer', { quizId: this.quiz.id, attemptId: attempt.id, questionId, response: value, checked: false });
  }

  /**
   * An answer still being typed (each keystroke): given as the answer after a short pause in typing,
   * and at least every few seconds while typing goes on, so a reload or crash loses little of it.
   */
  draft(questionId: string, value: unknown): void {
    const attempt = this.current;
    if (!attempt || attempt.status !== 'in-progress') return;
    this.drafts.set(questionId, value);
    journalDraft(attempt.id, questionId, value, this.clock().toISOString());
    const now = Date.now();
    this.draftSince ??= now;
    clearTimeout(this.draftTimer);
    const wait = Math.min(DRAFT_SAVE_DELAY_MS, this.draftSince + DRAFT_SAVE_MAX_WAIT_MS - now);
    this.draftTimer = setTimeout(() => this.flushDrafts(), Math.max(0, wait));
  }

  /** Answers a page typed but could not store before it went away are given now (unless answered since). */
  private resumeDrafts(attempt: QuizAttempt): void {
    for (const [questionId, draft] of Object.entries(journaledDrafts(attempt.id))) {
      const response = attempt.data.responses[questionId];
      if (!response || response.answeredAt < draft.at) this.answer(questionId, draft.value);
    }
  }

  /** Gives every answer being typed now. */
  flushDrafts(): void {
    clearTimeout(this.draftTimer);
    this.draftSince = undefined;
    const drafts = [...this.drafts];
    this.drafts.clear();
    for (const [questionId, value] of drafts) this.answer(questionId, value);
  }

  /** Immediate feedback: the answer becomes final and its `answered` statement goes out now. */
  check(questionId: string): void {
    const attempt = this.current;
    const question = this.quiz && attemptQuestions(this.quiz, attempt?.data as QuizAttemptData).find((q) => q.id === questionId);
    if (!attempt || !question || attempt.status !== 'in-progress' || !this.quiz) return;
    const data = checkQuestion(attempt.data, questionId);
    if (data === attempt.data) return;
    this.update(attempt, data);
    this.queue([this.statements(attempt)?.answered(question, data.responses[questionId])]);
    this.emit('lms-question-answer', {
      quizId: this.quiz.id,
      attemptId: attempt.id,
      questionId,
      response: data.responses[questionId].value,
      checked: true,
    });
  }

  private update(attempt: QuizAttempt, data: QuizAttemptData, answered?: string): void {
    const next: QuizAttempt = { ...attempt, data, updatedAt: this.clock().toISOString() };
    this.attempts = this.attempts.map((a) => (a.id === attempt.id ? next : a));
    this.current = next;
    this.changed();
    if (this.remote && answered) void this.serial(() => this.answerRemote(next, answered));
    else if (!this.remote) void this.serial(() => this.save(next));
  }

  /** The server takes the answer, or refuses it after the deadline (the attempt was then submitted at it). */
  private async answerRemote(attempt: QuizAttempt, questionId: string): Promise<void> {
    try {
      await this.remote!.grader.answer(this.quiz!.id, attempt.id, questionId, attempt.data.responses[questionId].value);
      forgetDrafts(attempt.id, (id) => attempt.data.responses[id]?.value);
      this.saveError = undefined;
    } catch (error) {
      if ((error as LmsError).code !== 'quiz/time-up' && (error as LmsError).code !== 'quiz/not-in-progress') return this.fail(error);
      await this.finishRemote(true);
    }
  }

  /** Submits the attempt unless a listener cancels `lms-quiz-submit`; resolves to whether it was submitted. */
  submit(): Promise<boolean> {
    this.flushDrafts();
    return this.serial(() => this.submitNow(false));
  }

  private async submitNow(auto: boolean): Promise<boolean> {
    const { quiz } = this;
    const attempt = this.current;
    if (!quiz || !attempt || attempt.status !== 'in-progress') return false;
    const questions = attemptQuestions(quiz, attempt.data);
    const unanswered = questions.filter((q) => !isAnswered(q, attempt.data.responses[q.id])).length;
    if (!this.emit('lms-quiz-submit', { quizId: quiz.id, attemptId: attempt.id, unanswered, auto }) && !auto) return false;
    clearTimeout(this.deadlineTimer);
    if (this.remote) return this.finishRemote(auto);
    // At the deadline the attempt ends at the deadline, even if the page was closed then.
    const now =
      auto && attempt.data.deadline ? new Date(Math.min(this.clock().getTime(), Date.parse(attempt.data.deadline))) : this.clock();
    const data = submitAttempt(quiz, attempt.data, attempt.startedAt, now);
    const { context } = this;
    const snapshot = gradingSnapshot(quiz, data, {
      title: context?.title,
      registration: context?.registration ?? attempt.id,
      courseActivityId: context?.course?.id,
    });
    if (snapshot) data.grading = snapshot;
    const status = attemptStatus(data);
    const next: QuizAttempt = { ...attempt, data, status, updatedAt: this.clock().toISOString() };
    if (status === 'completed') next.completedAt = data.submittedAt;
    this.attempts = this.attempts.map((a) => (a.id === attempt.id ? next : a));
    this.current = next;
    await this.save(next);
    const statements = this.statements(next);
    // Checked answers already had their statement.
    this.queue(
      questions
        .filter((q) => !attempt.data.responses[q.id]?.checked)
        .map((q) => data.responses[q.id] && statements?.answered(q, data.responses[q.id], now)),
    );
    this.queue(statements?.attemptFinished(data.result!, now) ?? []);
    if (auto) this.emit('time-up', { attemptId: next.id });
    this.emit('lms-attempt-complete', {
      quizId: quiz.id,
      attemptId: next.id,
      attempt: data.number,
      result: data.result!,
      pending: status === 'pending-grading',
    });
    this.changed();
    return true;
  }

  /** The server grades the attempt (as of its deadline if that passed) and answers what review may show. */
  private async finishRemote(auto: boolean): Promise<boolean> {
    const attempt = this.current;
    if (!this.quiz || !attempt) return false;
    let next: QuizAttempt;
    try {
      next = this.showRemote(await this.remote!.grader.submit(this.quiz.id, attempt.id));
    } catch (error) {
      this.fail(error);
      return false;
    }
    const result = next.data.result;
    if (result) this.queue(this.statements(next)?.attemptFinished(result, new Date(next.data.submittedAt ?? Date.now())) ?? []);
    const timedOut = auto || (next.data.deadline !== undefined && next.data.submittedAt === next.data.deadline);
    if (timedOut) this.emit('time-up', { attemptId: next.id });
    if (result)
      this.emit('lms-attempt-complete', {
        quizId: this.quiz.id,
        attemptId: next.id,
        attempt: next.data.number,
        result,
        pending: next.status === 'pending-grading',
      });
    this.changed();
    return true;
  }

  /** A person grades an answer waiting for it (in the shown attempt); completes the attempt when none is left. */
  grade(questionId: string, credit: number, feedback?: string, grader?: string): Promise<void> {
    return this.serial(async () => {
      const { quiz } = this;
      const attempt = this.current;
      // A server-graded attempt is graded by staff on the server, not in this page.
      if (!quiz || !attempt?.data.submittedAt || this.remote) return;
      const data = gradeQuestion(quiz, attempt.data, attempt.startedAt, questionId, { credit, feedback, grader }, this.clock());
      const status = attemptStatus(data);
      const next: QuizAttempt = { ...attempt, data, status, updatedAt: this.clock().toISOString() };
      if (status === 'completed') next.completedAt ??= this.clock().toISOString();
      this.attempts = this.attempts.map((a) => (a.id === attempt.id ? next : a));
      this.current = next;
      await this.save(next);
      if (attempt.status === 'pending-grading' && status === 'completed') this.completed(next);
      this.changed();
    });
  }

  private completed(attempt: QuizAttempt, queueStatements = true): void {
    const result = attempt.data.result;
    if (!result || !this.quiz) return;
    if (queueStatements) this.queue(this.statements(attempt)?.attemptFinished(result) ?? []);
    this.emit('lms-attempt-complete', {
      quizId: this.quiz.id,
      attemptId: attempt.id,
      attempt: attempt.data.number,
      result,
      pending: false,
    });
  }

  /** Submits at the deadline, and says how much time is left at 5 and 1 minutes (not every second). */
  private scheduleDeadline(): void {
    clearTimeout(this.deadlineTimer);
    const deadline = this.current?.data.deadline;
    if (!deadline || this.current?.status !== 'in-progress') return;
    const remaining = Date.parse(deadline) - (this.remote?.now() ?? this.clock()).getTime();
    const marks = [5, 1].map((m) => m * 60_000).filter((mark) => mark < remaining);
    const nextMark = marks[0];
    const wait = nextMark !== undefined ? remaining - nextMark : remaining;
    this.deadlineTimer = setTimeout(
      () => {
        if (nextMark !== undefined) {
          this.emit('time-left', { minutes: nextMark / 60_000 });
          this.scheduleDeadline();
        } else void this.serial(() => this.submitNow(true));
      },
      Math.max(0, wait),
    );
  }

  private async save(attempt: QuizAttempt): Promise<void> {
    if (!this.services) return;
    try {
      // Merged with what another tab stored meanwhile: neither tab's answers are lost.
      const stored = await saveMergedAttempt(this.services.storage, attempt);
      forgetDrafts(stored.id, (questionId) => stored.data.responses[questionId]?.value);
      if (stored !== attempt) {
        const shown = this.attempts.find((a) => a.id === attempt.id);
        const merged = shown ? mergeAttempts(stored, shown) : stored;
        this.attempts = this.attempts.map((a) => (a.id === attempt.id ? merged : a));
        if (this.current?.id === attempt.id) this.current = merged;
        this.changed();
      }
      this.saveError = undefined;
    } catch (error) {
      this.fail(error);
    }
  }

  private queue(statements: Array<Statement | undefined>): void {
    const ready = statements.filter((s): s is Statement => s !== undefined);
    if (!ready.length || !this.services) return;
    const sent = statementSink(this.options, this.services)(ready).catch((error: unknown) => this.fail(error));
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  private fail(error: unknown): void {
    this.saveError = toLmsError(error, 'storage/failed');
    this.changed();
    this.emit('lms-error', { error: this.saveError, recoverable: true });
  }
}
