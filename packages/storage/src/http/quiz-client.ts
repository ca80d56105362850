/** `RemoteQuizGrader` against the LMS Kit server's `/v1/quizzes` routes: the page never holds the answer key. */
import type { QuizAttempt, RemoteAttemptView, RemoteQuizGrader, RemoteQuizState } from '@lms-kit/core/quiz';
import { seg, type ServerClient } from './client.js';

export class ServerQuizClient implements RemoteQuizGrader {
  constructor(private readonly client: ServerClient) {}

  async state(quizId: string): Promise<RemoteQuizState> {
    return (await this.client.request<RemoteQuizState>('GET', `v1/quizzes/${seg(quizId)}`)).body;
  }

  async start(quizId: string): Promise<RemoteAttemptView> {
    return (await this.client.request<RemoteAttemptView>('POST', `v1/quizzes/${seg(quizId)}/attempts`)).body;
  }

  async answer(quizId: string, attemptId: string, questionId: string, value: unknown) {
    const path = `v1/quizzes/${seg(quizId)}/attempts/${seg(attemptId)}/responses/${seg(questionId)}`;
    return (await this.client.request<{ attempt: QuizAttempt; serverTime: string }>('PUT', path, { body: { value } })).body;
  }

  async submit(quizId: string, attemptId: string): Promise<RemoteAttemptView> {
    return (await this.client.request<RemoteAttemptView>('POST', `v1/quizzes/${seg(quizId)}/attempts/${seg(attemptId)}/submit`)).body;
  }

  async review(quizId: string, attemptId: string): Promise<RemoteAttemptView> {
    return (await this.client.request<RemoteAttemptView>('GET', `v1/quizzes/${seg(quizId)}/attempts/${seg(attemptId)}`)).body;
  }
}
