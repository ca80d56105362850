export { QuizSession, standaloneContext, type QuizContext, type QuizSessionEvents, type QuizSessionState } from './quiz-session.js';
