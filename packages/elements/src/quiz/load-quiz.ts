import { LmsError } from '@lms-kit/core';
import { parseAiken, parseGift, parseQuiz, type Quiz } from '@lms-kit/core/quiz';

export type QuizFormat = 'json' | 'gift' | 'aiken';

/** `json` for `.json`, `gift` for `.gift`, `aiken` for `.txt` and `.aiken`; JSON otherwise. */
export function formatOf(src: string, format?: string): QuizFormat {
  if (format === 'gift' || format === 'aiken' || format === 'json') return format;
  const path = src.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.gift')) return 'gift';
  if (path.endsWith('.txt') || path.endsWith('.aiken')) return 'aiken';
  return 'json';
}

/** Downloads a quiz (JSON, GIFT or Aiken) and checks it; problems come back as `LmsError` with paths or lines. */
export async function loadQuiz(src: string, format: string | undefined, signal?: AbortSignal): Promise<{ quiz: Quiz; baseUrl: string }> {
  const url = new URL(src, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LmsError('quiz/load-failed', `Could not download the quiz from ${url} (offline or blocked).`, { cause: error });
  }
  if (!response.ok) throw new LmsError('quiz/load-failed', `Could not download the quiz from ${url}: HTTP ${response.status}.`);
  const text = await response.text();
  const id =
    url
      .split(/[?#]/)[0]
      .split('/')
      .pop()
      ?.replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9._:-]/g, '-') || 'quiz';
  const kind = formatOf(url, format);
  const baseUrl = response.url || url;
  if (kind === 'gift') return { quiz: parseGift(text, { id, title: id }), baseUrl };
  if (kind === 'aiken') return { quiz: parseAiken(text, { id, title: id }), baseUrl };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LmsError('quiz/invalid', `The quiz at ${url} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
      issues: [{ path: '', message: `not valid JSON (${(error as Error).message})` }],
    });
  }
  return { quiz: parseQuiz(json), baseUrl };
}

const HTML_FIELDS = new Set([
  'text',
  'description',
  'feedback',
  'trueFeedback',
  'falseFeedback',
  'graderNotes',
  'correct',
  'incorrect',
  'partial',
  'general',
]);

/** A copy of the quiz with every HTML field sanitized, for display only (scoring reads the original). */
export function sanitizeQuiz<T>(value: T, clean: (html: string) => string, key = ''): T {
  if (typeof value === 'string') return (HTML_FIELDS.has(key) ? clean(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeQuiz(item, clean)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'accept' || k === 'pairs' ? v : sanitizeQuiz(v, clean, k === 'feedback' ? 'feedback' : k),
      ]),
    ) as T;
  }
  return value;
}
