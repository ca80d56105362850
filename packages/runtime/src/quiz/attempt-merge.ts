import type { QuestionResponse, QuizAttempt } from '@lms-kit/core/quiz';
import type { Attempt, StorageAdapter } from '@lms-kit/storage';

/** Which of two copies of one answer stands: a checked (final) or graded one, else the later. */
function laterResponse(a: QuestionResponse | undefined, b: QuestionResponse | undefined): QuestionResponse | undefined {
  if (!a || !b) return a ?? b;
  if (!!a.checked !== !!b.checked) return a.checked ? a : b;
  if (!!a.grade !== !!b.grade) return a.grade ? a : b;
  return b.answeredAt >= a.answeredAt ? b : a;
}

/**
 * Two copies of one attempt, changed in different tabs: each question keeps its latest answer, so an
 * answer given in one tab is never undone by the other tab's save. A finished copy (submitted,
 * graded) stands as it is: answers cannot change after submission.
 */
export function mergeAttempts(a: QuizAttempt, b: QuizAttempt): QuizAttempt {
  if (a === b) return a;
  const aOpen = a.status === 'in-progress';
  const bOpen = b.status === 'in-progress';
  const later = b.updatedAt >= a.updatedAt ? b : a;
  if (!aOpen || !bOpen) return aOpen ? b : bOpen ? a : later;
  const responses: QuizAttempt['data']['responses'] = {};
  for (const id of new Set([...Object.keys(a.data.responses), ...Object.keys(b.data.responses)])) {
    responses[id] = laterResponse(a.data.responses[id], b.data.responses[id]) as QuestionResponse;
  }
  return { ...later, data: { ...later.data, responses } };
}

/**
 * Saves an attempt merged with the stored copy, under a lock every tab of the site shares (Web
 * Locks), so read-merge-write never interleaves with another tab's; resolves to what was stored.
 */
export async function saveMergedAttempt(storage: StorageAdapter, attempt: QuizAttempt): Promise<QuizAttempt> {
  const write = async () => {
    const stored = (await storage.getAttempt(attempt.id)) as QuizAttempt | undefined;
    const merged = stored ? mergeAttempts(stored, attempt) : attempt;
    await storage.putAttempt(merged as Attempt);
    return merged;
  };
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(`lms-kit:attempt:${storage.scope}:${attempt.id}`, write) : write();
}
