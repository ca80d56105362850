export { QuizSession, standaloneContext, type QuizContext, type QuizSessionEvents, type QuizSessionState } from './quiz-session.js';
export { quizLessonContext, quizLessonResult } from './quiz-lesson.js';
