import { toLmsError } from '@lms-kit/core';
import {
  attemptQuestions,
  bestResult,
  isAnswered,
  mayShowCorrectAnswers,
  questionPool,
  type AttemptResult,
  type Question,
  type Quiz,
} from '@lms-kit/core/quiz';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { contentDirection } from '../../i18n/direction.js';
import { formatDuration, formatPercent } from '../../i18n/localize.js';
import { quizMessages } from '../../i18n/messages-en-quiz.js';
import { registerMessages } from '../../i18n/localize.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { createSanitizer } from '../../lessons/sanitize.js';
import { loadQuiz, sanitizeQuiz } from '../../quiz/load-quiz.js';
import { QuizSession, standaloneContext, type QuizContext } from '@lms-kit/runtime/quiz';
import { SessionController } from '../../controllers/session-controller.js';
import { LmsAttemptCompleteEvent } from '../../events/attempt-complete.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsQuestionAnswerEvent } from '../../events/question-answer.js';
import { LmsQuizStartEvent } from '../../events/quiz-start.js';
import { LmsQuizSubmitEvent } from '../../events/quiz-submit.js';
import { renderQuestionBlock } from './question-block.js';
import { quizStyles } from './lms-quiz.styles.js';
import { failLoad } from '../../events/fail-load.js';
import { renderLoadError } from '../shared/load-error.js';
import { quizStatus, reflectStates, type QuizStatus } from '../../controllers/state-attributes.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', quizMessages);

interface Loaded {
  quiz: Quiz;
  /** HTML fields sanitized, for display. */
  display: Map<string, Question>;
  description?: string;
  /** The sanitizer, for questions a server hands out during an attempt. */
  clean: (html: string) => string;
}

/**
 * @tag lms-quiz
 * @summary A quiz on any page, or as a `quiz` lesson of `<lms-course-player>`: every SCORM/xAPI
 * interaction type, banks and random draws, attempts, time limit, feedback and review. Attempts are
 * kept by the provider's storage, so a reload or another tab resumes them with the same answers,
 * order and clock.
 *
 * @event lms-quiz-start - A new attempt started. `detail: { quizId, attemptId, attempt, deadline }`
 * @event lms-question-answer - An answer was given or changed. `detail: { quizId, attemptId, questionId, response, checked }`
 * @event lms-quiz-submit - The learner asks to submit; cancelable (not at the deadline). `detail: { quizId, attemptId, unanswered, auto }`
 * @event lms-attempt-complete - An attempt was scored (or its last pending answer graded). `detail: { quizId, attemptId, attempt, result, pending }`
 * @event lms-error - Loading or saving failed. `detail: { error, recoverable }`
 *
 * @attr {'not-started' | 'in-progress' | 'pending-grading' | 'passed' | 'failed' | 'completed'} status - Set by the quiz once loaded: its latest attempt (`passed`/`failed` with a passing score, else `completed`).
 * @attr {boolean} completed - Set by the quiz while its latest attempt is scored.
 *
 * @csspart base - The wrapper.
 * @csspart timer - The time left.
 * @csspart question - A question (a fieldset).
 * @csspart choices - The options of a choice, true/false or likert question.
 * @csspart choice - One option.
 * @csspart input - A text box, number box or select.
 * @csspart pair - One source and its select in a matching question.
 * @csspart sequence - The list of a sequencing question; `sequence-item` for each item.
 * @csspart feedback - Verdict and feedback of a question.
 * @csspart grading - The grader's form (with `grading`).
 * @csspart result - The result of the attempt.
 *
 * @cssproperty --lms-quiz-max-width - Line length of the quiz. Default `48rem`.
 */
export class LmsQuiz extends LmsElement {
  static override styles = quizStyles;

  /** URL of the quiz: JSON, GIFT (`.gift`) or Aiken (`.txt`). */
  @property() src?: string;
  /** `json`, `gift` or `aiken` when the URL does not tell. */
  @property() format?: string;
  /** The quiz itself, instead of `src`. */
  @property({ attribute: false }) quiz?: Quiz;
  /**
   * Id of a server-graded quiz on the provider's LMS Kit server (`HttpStorageAdapter`), instead of `src`:
   * the server hands out the questions, keeps the clock and grades; the answer key never reaches the page.
   */
  @property({ attribute: 'server-quiz' }) serverQuiz?: string;
  /** Where the quiz is: set by the course player; on its own, attempts are kept under `quiz:<id>`. */
  @property({ attribute: false }) context?: QuizContext;
  /** Heading level of the quiz title (2 by default; a lesson view sets it below the lesson's). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Leaves out the quiz title, where a heading around it already names the quiz (a quiz lesson). */
  @property({ type: Boolean, attribute: 'hide-title' }) hideTitle = false;
  /** Grader mode: answers waiting for a person show a form to grade them. */
  @property({ type: Boolean, reflect: true }) grading = false;

  /** The headless quiz session this element shows. */
  readonly session = new QuizSession();
  private readonly sessionView = new SessionController(
    this,
    {
      'lms-quiz-start': LmsQuizStartEvent,
      'lms-question-answer': LmsQuestionAnswerEvent,
      'lms-quiz-submit': LmsQuizSubmitEvent,
      'lms-attempt-complete': LmsAttemptCompleteEvent,
      'lms-error': LmsErrorEvent,
    },
    this.session,
  );
  /** Latest message for the live region. */
  private announcement = '';
  private clock?: ReturnType<typeof setInterval>;
  private focusAfterRender?: string;
  private resolveReady!: () => void;
  /** Resolves once the quiz and the learner's attempts are loaded. */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  private readonly loader = new Task(this, {
    args: () => [this.src, this.quiz, this.serverQuiz, this.format, this.context, this.services.value] as const,
    task: async ([src, inline, serverQuiz, format, context, services], { signal }): Promise<Loaded | undefined> => {
      if (!services || (!src && !inline && !serverQuiz)) return undefined;
      try {
        const { parseQuiz } = await import('@lms-kit/core/quiz');
        if (serverQuiz) {
          const stub: Quiz = { schema: 1, id: serverQuiz, title: '', grading: 'server', questions: [] };
          await this.session.open(stub, context ?? standaloneContext(stub), services);
          const quiz = this.session.quiz ?? stub;
          const clean = await createSanitizer(document.baseURI);
          this.resolveReady();
          return { quiz, display: new Map(), clean, description: quiz.description ? clean(quiz.description) : undefined };
        }
        const { quiz, baseUrl } = inline
          ? { quiz: parseQuiz(inline), baseUrl: document.baseURI }
          : await loadQuiz(src as string, format, signal);
        const clean = await createSanitizer(baseUrl);
        const display = new Map([...questionPool(sanitizeQuiz(quiz, clean)).entries()]);
        await this.session.open(quiz, context ?? standaloneContext(quiz), services);
        this.resolveReady();
        return { quiz, display, clean, description: quiz.description ? clean(quiz.description) : undefined };
      } catch (error) {
        failLoad(this, error, signal, 'quiz/load-failed');
      }
    },
  });

  constructor() {
    super();
    this.session.on('time-left', ({ minutes }) => this.announce(this.t('quiz.timeLeftAnnounce', { count: minutes })));
    this.session.on('time-up', () => this.announce(this.t('quiz.timeUp')));
  }

  /** The latest attempt's state, once the quiz is loaded; reflected as the `status` attribute. */
  get status(): QuizStatus | undefined {
    return this.session.quiz ? quizStatus(this.session.current) : undefined;
  }

  /** Whether the latest attempt is scored; reflected as the `completed` attribute. */
  get completed(): boolean {
    const status = this.status;
    return status === 'passed' || status === 'failed' || status === 'completed';
  }

  /** The quiz as shown: a server-graded quiz holds the questions the server handed out for the attempt. */
  private shown(loaded: Loaded): Quiz {
    return this.session.remote ? (this.session.quiz ?? loaded.quiz) : loaded.quiz;
  }

  /** Sanitized display of a question (a server's questions are sanitized as they arrive). */
  private display(loaded: Loaded, question: Question): Question {
    let shown = loaded.display.get(question.id);
    if (!shown || (this.session.remote && !this.sanitizedFrom.has(question))) {
      shown = sanitizeQuiz(question, loaded.clean);
      loaded.display.set(question.id, shown);
      this.sanitizedFrom.add(question);
    }
    return shown;
  }

  private readonly sanitizedFrom = new WeakSet<Question>();

  /** Every attempt of this learner at this quiz, oldest first. */
  get attempts() {
    return this.session.attempts;
  }

  /** The best result so far (passed first, then highest score). */
  get bestResult(): AttemptResult | undefined {
    return bestResult(
      this.session.attempts.filter((a) => a.status === 'completed' && a.data.result).map((a) => a.data.result as AttemptResult),
    );
  }

  /** Starts a new attempt (if one is allowed). */
  async start(): Promise<void> {
    if (await this.session.start()) this.moveFocus('.questions-heading');
  }

  /** Submits the attempt in progress; resolves to false if a listener cancelled `lms-quiz-submit`. */
  async submit(): Promise<boolean> {
    const submitted = await this.session.submit();
    if (submitted) {
      this.announce(this.describeResult(this.session.current?.data.result));
      this.moveFocus('.result-heading');
    }
    return submitted;
  }

  /** Grades an answer waiting for a person, in the attempt shown (0..1 of the question's points). */
  grade(questionId: string, credit: number, feedback?: string, grader?: string): Promise<void> {
    return this.session.grade(questionId, credit, feedback, grader);
  }

  private announce(message: string): void {
    this.announcement = message;
    this.requestUpdate();
  }

  private moveFocus(selector: string): void {
    this.focusAfterRender = selector;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.clock = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    reflectStates(this, { status: this.status, completed: this.completed });
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        this.focusAfterRender = undefined;
        target.focus();
      }
    }
    this.tickClock();
  }

  /** The clock shows seconds, written straight to its text: the questions are not re-rendered every second. */
  private tickClock(): void {
    const deadline = this.session.inProgress ? this.session.current?.data.deadline : undefined;
    if (!deadline) {
      clearInterval(this.clock);
      this.clock = undefined;
      return;
    }
    const write = () => {
      const now = this.session.remote?.now().getTime() ?? Date.now();
      const left = Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
      const clock = this.renderRoot.querySelector('.clock');
      if (clock) clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    };
    write();
    this.clock ??= setInterval(write, 1000);
  }

  protected override render() {
    if (this.services.error) return renderLoadError(toLmsError(this.services.error, 'storage/failed'), this.t.bind(this));
    return this.loader.render({
      initial: () => html`<p part="base" aria-busy=${this.src || this.quiz ? 'true' : 'false'}>${this.t('quiz.loading')}</p>`,
      pending: () => html`<p part="base" aria-busy="true">${this.t('quiz.loading')}</p>`,
      complete: (loaded) => (loaded ? this.renderQuiz(loaded) : nothing),
      error: (error) => renderLoadError(toLmsError(error, 'quiz/load-failed'), this.t.bind(this)),
    });
  }

  /** "Not passed. Score: 0 of 3 points (0%)": what the live region says once an attempt is scored. */
  private describeResult(result: AttemptResult | undefined): string {
    if (!result) return '';
    const outcome = this.t(
      result.pending ? 'quiz.pending' : result.passed === true ? 'quiz.passed' : result.passed === false ? 'quiz.failed' : 'quiz.submitted',
    );
    if (result.pending || result.max <= 0) return outcome;
    const percent = formatPercent(this.locale, Math.round(result.scaled * 100));
    return `${outcome}. ${this.t('quiz.score', { raw: result.raw, max: result.max, percent })}`;
  }

  /** Level of the result and review headings: below the title, or in its place when it is hidden. */
  private get sectionLevel(): number {
    return this.hideTitle ? this.headingLevel : this.headingLevel + 1;
  }

  private heading(text: string, className = 'heading', level = this.headingLevel) {
    return html`<div class=${className} role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  private renderQuiz(loaded: Loaded) {
    const quiz = this.shown(loaded);
    const attempt = this.session.current;
    const language = this.context?.language ?? quiz.language;
    return html`<div part="base">
      <div class="bar">
        ${this.hideTitle ? nothing : html`<div lang=${language ?? nothing} dir=${contentDirection(language)}>${this.heading(this.context?.title ?? quiz.title)}</div>`}
        ${
          this.session.inProgress && attempt?.data.deadline
            ? html`<p class="timer" part="timer"><span>${this.t('quiz.timeLeft')}:</span> <span class="clock"></span></p>`
            : nothing
        }
      </div>
      ${this.session.saveError ? html`<p class="error" role="alert">${this.t('error.notSaved', { message: this.session.saveError.message })}</p>` : nothing}
      ${!attempt ? this.renderIntro(loaded) : this.session.inProgress ? this.renderAttempt(loaded) : this.renderReview(loaded)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderInfo(quiz: Quiz) {
    const count =
      this.session.remote?.questionCount ?? (quiz.questions?.length ?? 0) + (quiz.draw ?? []).reduce((sum, rule) => sum + rule.count, 0);
    const left = this.session.left;
    const mark =
      quiz.passingScore &&
      ('percent' in quiz.passingScore
        ? formatPercent(this.locale, quiz.passingScore.percent)
        : this.t('quiz.passPoints', { count: quiz.passingScore.points }));
    return html`<ul class="info">
      <li>${this.t('quiz.questionCount', { count })}</li>
      ${quiz.timeLimit ? html`<li>${this.t('quiz.timeLimit', { time: formatDuration(this.locale, quiz.timeLimit * 1000) })}</li>` : nothing}
      ${mark ? html`<li>${this.t('quiz.passMark', { mark })}</li>` : nothing}
      ${Number.isFinite(left) ? html`<li>${left > 0 ? this.t('quiz.attemptsLeft', { count: left }) : this.t('quiz.noAttemptsLeft')}</li>` : nothing}
    </ul>`;
  }

  private renderIntro(loaded: Loaded) {
    const language = this.context?.language ?? loaded.quiz.language;
    return html`${
        loaded.description
          ? html`<div class="description" lang=${language ?? nothing} dir=${contentDirection(language)}>
              ${unsafeHTML(loaded.description)}
            </div>`
          : nothing
      }
      ${this.renderInfo(this.shown(loaded))}
      <div class="actions">
        <button class="action start" ?disabled=${this.session.left <= 0} @click=${() => this.start()}>${this.t('quiz.start')}</button>
      </div>`;
  }

  private renderAttempt(loaded: Loaded) {
    const attempt = this.session.current!;
    const questions = attemptQuestions(this.shown(loaded), attempt.data);
    const unanswered = questions.filter((q) => !isAnswered(q, attempt.data.responses[q.id])).length;
    return html`<form
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.submit();
      }}
    >
      <div class="visually-hidden questions-heading" tabindex="-1">${this.t('quiz.attemptNumber', { number: attempt.data.number })}</div>
      <ol class="questions">
        ${questions.map((question, index) => html`<li>${this.renderQuestion(loaded, question, index, questions.length, false)}</li>`)}
      </ol>
      <div class="actions">
        <button class="action submit" type="submit">${this.t('quiz.submit')}</button>
        ${unanswered > 0 ? html`<span class="hint">${this.t('quiz.unanswered', { count: unanswered })}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderQuestion(loaded: Loaded, question: Question, index: number, total: number, review: boolean) {
    const attempt = this.session.current!;
    const result = attempt.data.result;
    return renderQuestionBlock({
      question: this.display(loaded, question),
      original: question,
      index,
      total,
      response: attempt.data.responses[question.id],
      order: attempt.data.order[question.id],
      review,
      result: review ? result?.questions[question.id] : undefined,
      feedbackMode: this.shown(loaded).feedback ?? 'after-submit',
      showCorrect: this.session.remote
        ? review && this.session.remote.correctAnswersShown
        : mayShowCorrectAnswers(
            loaded.quiz,
            result ?? { raw: 0, max: 0, scaled: 0, pending: false, durationMs: 0, questions: {} },
            review ? this.session.left : 1,
          ),
      grading: this.grading,
      language: this.context?.language ?? loaded.quiz.language,
      t: this.t.bind(this),
      answer: (value) => this.session.answer(question.id, value),
      draft: (value) => this.session.draft(question.id, value),
      check: () => {
        this.session.check(question.id);
        this.moveFocus(`[data-question="${question.id}"] .verdict-text`);
      },
      grade: (credit, feedback) => void this.grade(question.id, credit, feedback),
      focus: (selector) => this.moveFocus(`[data-question="${question.id}"] ${selector}`),
      announce: (message) => this.announce(message),
    });
  }

  private renderReview(loaded: Loaded) {
    const quiz = this.shown(loaded);
    const attempt = this.session.current!;
    const result = attempt.data.result;
    const questions = attemptQuestions(quiz, attempt.data);
    const outcome = result?.pending ? 'pending' : result?.passed === true ? 'passed' : result?.passed === false ? 'failed' : 'submitted';
    const canRetry = this.session.left > 0 && result?.passed !== true;
    return html`<div class="result ${outcome}" part="result">
        ${this.heading(this.t('quiz.result'), 'result-heading', this.sectionLevel)}
        <p class="outcome">
          ${outcome === 'passed' ? this.t('quiz.passed') : outcome === 'failed' ? this.t('quiz.failed') : this.t('quiz.submitted')}
        </p>
        ${
          result && result.max > 0
            ? html`<p>
                ${this.t('quiz.score', { raw: result.raw, max: result.max, percent: formatPercent(this.locale, Math.round(result.scaled * 100)) })}
              </p>`
            : nothing
        }
        ${result?.pending ? html`<p>${this.t('quiz.pending')}</p>` : nothing} ${this.renderInfo(quiz)}
        ${canRetry ? html`<div class="actions"><button class="action retry" @click=${() => this.start()}>${this.t('quiz.retry')}</button></div>` : nothing}
      </div>
      ${this.heading(this.t('quiz.review'), 'review-heading', this.sectionLevel)}
      <ol class="questions">
        ${questions.map((question, index) => html`<li>${this.renderQuestion(loaded, question, index, questions.length, true)}</li>`)}
      </ol>`;
  }
}
