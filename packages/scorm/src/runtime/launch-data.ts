import type { Learner } from '@lms-kit/core';
import type { Item, ScormPackage } from '../manifest/model.js';
import { cmiArray, type CmiJson } from './cmi.js';

const pick = (source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source?.[key] !== undefined && source[key] !== '') out[key] = source[key];
  return out;
};

/**
 * The CMI data a SCO starts with, for scorm-again's `loadFromJSON`: who the learner is, what the
 * manifest says (mastery score, launch data, time limits, completion threshold, objectives), and, when
 * resuming a suspended attempt, what the SCO saved (location, suspend data, statuses, score, objectives).
 */
export function launchData(pkg: ScormPackage, item: Item, learner: Learner, saved?: CmiJson): CmiJson {
  const name = learner.actor.name ?? '';
  return pkg.version === '1.2' ? launchData12(item, learner.id, name, saved) : launchData2004(item, learner.id, name, saved);
}

function launchData12(item: Item, learnerId: string, learnerName: string, saved?: CmiJson): CmiJson {
  const core = (saved?.core ?? {}) as Record<string, unknown>;
  const data: CmiJson = {
    core: {
      student_id: learnerId,
      student_name: learnerName,
      credit: 'credit',
      lesson_mode: 'normal',
      entry: saved ? 'resume' : 'ab-initio',
      ...pick(core, ['lesson_location', 'lesson_status', 'total_time']),
      ...(core.score ? { score: pick(core.score as Record<string, unknown>, ['raw', 'min', 'max']) } : {}),
    },
    student_data: {
      ...(item.masteryScore !== undefined ? { mastery_score: String(item.masteryScore) } : {}),
      ...(item.maxTimeAllowed ? { max_time_allowed: item.maxTimeAllowed } : {}),
      ...(item.timeLimitAction ? { time_limit_action: item.timeLimitAction } : {}),
    },
  };
  if (item.dataFromLMS) data.launch_data = item.dataFromLMS;
  if (saved?.suspend_data) data.suspend_data = saved.suspend_data;
  const objectives = cmiArray(saved?.objectives).map((objective) => ({
    ...pick(objective, ['id', 'status']),
    ...(objective.score ? { score: pick(objective.score as Record<string, unknown>, ['raw', 'min', 'max']) } : {}),
  }));
  if (objectives.length) data.objectives = objectives;
  return data;
}

function launchData2004(item: Item, learnerId: string, learnerName: string, saved?: CmiJson): CmiJson {
  const data: CmiJson = {
    learner_id: learnerId,
    learner_name: learnerName,
    credit: 'credit',
    mode: 'normal',
    entry: saved ? 'resume' : 'ab-initio',
    ...pick(saved, ['location', 'suspend_data', 'completion_status', 'success_status', 'progress_measure', 'total_time']),
  };
  if (saved?.score) data.score = pick(saved.score as Record<string, unknown>, ['scaled', 'raw', 'min', 'max']);
  if (item.dataFromLMS) data.launch_data = item.dataFromLMS;
  if (item.maxTimeAllowed) data.max_time_allowed = item.maxTimeAllowed;
  if (item.timeLimitAction) data.time_limit_action = item.timeLimitAction;
  const threshold = item.completionThreshold;
  if (threshold?.completedByMeasure) data.completion_threshold = String(threshold.minProgressMeasure);
  const primary = item.sequencing?.objectives?.find((objective) => objective.primary);
  if (primary?.satisfiedByMeasure && primary.minNormalizedMeasure !== undefined)
    data.scaled_passing_score = String(primary.minNormalizedMeasure);
  data.objectives = objectives2004(item, saved);
  if (!(data.objectives as unknown[]).length) delete data.objectives;
  return data;
}

/** Saved objectives first (keeping their indexes), then the manifest's objectives the SCO has not seen yet. */
function objectives2004(item: Item, saved?: CmiJson): Array<Record<string, unknown>> {
  const objectives: Array<Record<string, unknown>> = cmiArray(saved?.objectives).map((objective) => ({
    ...pick(objective, ['id', 'success_status', 'completion_status', 'progress_measure', 'description']),
    ...(objective.score ? { score: pick(objective.score as Record<string, unknown>, ['scaled', 'raw', 'min', 'max']) } : {}),
  }));
  const known = new Set(objectives.map((objective) => objective.id));
  for (const objective of item.sequencing?.objectives ?? []) {
    if (objective.objectiveID && !known.has(objective.objectiveID)) {
      objectives.push({ id: objective.objectiveID });
      known.add(objective.objectiveID);
    }
  }
  return objectives.filter((objective) => objective.id);
}
