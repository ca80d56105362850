import type { LessonResult, Score } from '@lms-kit/core';
import type { ScormVersion } from '../manifest/model.js';
import type { InteractionRecord } from '../xapi/scorm-statements.js';

/** CMI data as scorm-again renders it for a commit (`runtimeData.cmi`): plain JSON. */
export type CmiJson = Record<string, unknown>;

/** What LMS Kit reads from a SCO's CMI data, the same way for SCORM 1.2 and 2004. */
export interface CmiSummary {
  completed: boolean;
  /** Undefined while the SCO has not said. */
  passed?: boolean;
  score?: Score;
  progress?: number;
  exit: string;
  entry: string;
  location: string;
  suspendData: string;
  sessionTime: string;
  interactions: InteractionRecord[];
}

const object = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const number = (value: unknown): number | undefined => {
  if (value === '' || value === undefined || value === null) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Elements of a CMI array, whether rendered as an array, `{ childArray }` or `{ "0": …, "1": … }`. */
export function cmiArray(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.map(object);
  const record = object(value);
  if (Array.isArray(record.childArray)) return record.childArray.map(object);
  return Object.keys(record)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => object(record[key]));
}

function scoreOf(raw: unknown): Score | undefined {
  const score = object(raw);
  const result: Score = {};
  const scaled = number(score.scaled);
  const rawValue = number(score.raw);
  const min = number(score.min);
  const max = number(score.max);
  if (scaled !== undefined && scaled >= -1 && scaled <= 1) result.scaled = scaled;
  if (rawValue !== undefined) result.raw = rawValue;
  if (min !== undefined) result.min = min;
  if (max !== undefined) result.max = max;
  if (result.scaled === undefined && rawValue !== undefined) {
    const low = min ?? 0;
    const high = max ?? 100;
    if (high > low) result.scaled = Math.max(-1, Math.min(1, (rawValue - low) / (high - low)));
  }
  return Object.keys(result).length ? result : undefined;
}

export function summarizeCmi(version: ScormVersion, cmi: CmiJson): CmiSummary {
  const interactions = cmiArray(cmi.interactions).map((interaction): InteractionRecord => ({
    id: text(interaction.id),
    type: text(interaction.type) || undefined,
    description: text(interaction.description) || undefined,
    learnerResponse: text(interaction.learner_response ?? interaction.student_response) || undefined,
    result: text(interaction.result) || undefined,
    correctResponses: cmiArray(interaction.correct_responses)
      .map((response) => text(response.pattern))
      .filter(Boolean),
    latency: text(interaction.latency) || undefined,
    weighting: text(interaction.weighting) || undefined,
  }));
  if (version === '1.2') {
    const core = object(cmi.core);
    const status = text(core.lesson_status);
    return {
      completed: status === 'completed' || status === 'passed' || status === 'failed',
      passed: status === 'passed' ? true : status === 'failed' ? false : undefined,
      score: scoreOf(core.score),
      exit: text(core.exit),
      entry: text(core.entry),
      location: text(core.lesson_location),
      suspendData: text(cmi.suspend_data),
      sessionTime: text(core.session_time),
      interactions,
    };
  }
  const success = text(cmi.success_status);
  return {
    completed: text(cmi.completion_status) === 'completed',
    passed: success === 'passed' ? true : success === 'failed' ? false : undefined,
    score: scoreOf(cmi.score),
    progress: number(cmi.progress_measure),
    exit: text(cmi.exit),
    entry: text(cmi.entry),
    location: text(cmi.location),
    suspendData: text(cmi.suspend_data),
    sessionTime: text(cmi.session_time),
    interactions,
  };
}

export function resultOf(summary: CmiSummary): LessonResult {
  const result: LessonResult = { completed: summary.completed };
  if (summary.passed !== undefined) result.passed = summary.passed;
  if (summary.score) result.score = summary.score;
  if (summary.progress !== undefined) result.progress = summary.progress;
  return result;
}
