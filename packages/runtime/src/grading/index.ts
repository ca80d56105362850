export { gradingQueue, toTask, type GradingQueue, type GradingTask, type GradingItem } from './grading-queue.js';
export type { GradeInput } from '@lms-kit/core/quiz';
