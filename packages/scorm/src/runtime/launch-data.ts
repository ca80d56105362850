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
 * resuming a suspended attempt, what the SCO saved: location, suspend data, statuses, score, total
 * time, objectives, interactions, the learner's comments and preferences. SCORM carries the whole
 * attempt's data model into the next session; the interactions also keep their indexes, so the SCO
 * appends new ones after them instead of overwriting them.
 */
export function launchData(pkg: ScormPackage, item: Item, learner: Learner, saved?: CmiJson, seededObjectives: string[] = []): CmiJson {
  const name = learner.actor.name ?? '';
  return pkg.version === '1.2'
    ? launchData12(item, learner.id, name, saved)
    : launchData2004(item, learner.id, name, saved, seededObjectives);
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
  if (saved?.comments) data.comments = saved.comments;
  const preference = pick(saved?.student_preference as Record<string, unknown> | undefined, ['audio', 'language', 'speed', 'text']);
  if (Object.keys(preference).length) data.student_preference = preference;
  const objectives = cmiArray(saved?.objectives).map((objective) => ({
    ...pick(objective, ['id', 'status']),
    ...(objective.score ? { score: pick(objective.score as Record<string, unknown>, ['raw', 'min', 'max']) } : {}),
  }));
  if (objectives.length) data.objectives = objectives;
  const interactions = savedInteractions(saved, ['time', 'weighting', 'student_response', 'result', 'latency']);
  if (interactions.length) data.interactions = interactions;
  return data;
}

/**
 * Saved interactions in the order scorm-again accepts them (`id` and `type` before the fields whose
 * format depends on the type), with their objectives and correct responses.
 */
function savedInteractions(saved: CmiJson | undefined, fields: string[]): Array<Record<string, unknown>> {
  return cmiArray(saved?.interactions)
    .filter((interaction) => interaction.id)
    .map((interaction) => {
      const out: Record<string, unknown> = pick(interaction, ['id', 'type', ...fields]);
      const objectives = cmiArray(interaction.objectives)
        .map((objective) => pick(objective, ['id']))
        .filter((objective) => objective.id);
      if (objectives.length) out.objectives = objectives;
      const responses = cmiArray(interaction.correct_responses)
        .map((response) => pick(response, ['pattern']))
        .filter((response) => response.pattern !== undefined);
      if (responses.length) out.correct_responses = responses;
      return out;
    });
}

function launchData2004(item: Item, learnerId: string, learnerName: string, saved: CmiJson | undefined, seeded: string[]): CmiJson {
  const data: CmiJson = {
    learner_id: learnerId,
    learner_name: learnerName,
    credit: 'credit',
    mode: 'normal',
    entry: saved ? 'resume' : 'ab-initio',
    ...pick(saved, ['location', 'suspend_data', 'completion_status', 'success_status', 'progress_measure', 'total_time']),
  };
  const preference = pick(saved?.learner_preference as Record<string, unknown> | undefined, [
    'audio_level',
    'language',
    'delivery_speed',
    'audio_captioning',
  ]);
  if (Object.keys(preference).length) data.learner_preference = preference;
  const comments = cmiArray(saved?.comments_from_learner).map((comment) => pick(comment, ['comment', 'location', 'timestamp']));
  if (comments.length) data.comments_from_learner = comments;
  if (saved?.score) data.score = pick(saved.score as Record<string, unknown>, ['scaled', 'raw', 'min', 'max']);
  if (item.dataFromLMS) data.launch_data = item.dataFromLMS;
  if (item.maxTimeAllowed) data.max_time_allowed = item.maxTimeAllowed;
  if (item.timeLimitAction) data.time_limit_action = item.timeLimitAction;
  const threshold = item.completionThreshold;
  if (threshold?.completedByMeasure) data.completion_threshold = String(threshold.minProgressMeasure);
  const primary = item.sequencing?.objectives?.find((objective) => objective.primary);
  if (primary?.satisfiedByMeasure && primary.minNormalizedMeasure !== undefined)
    data.scaled_passing_score = String(primary.minNormalizedMeasure);
  data.objectives = objectives2004(item, saved, seeded);
  if (!(data.objectives as unknown[]).length) delete data.objectives;
  const interactions = savedInteractions(saved, ['timestamp', 'weighting', 'learner_response', 'result', 'latency', 'description']);
  if (interactions.length) data.interactions = interactions;
  return data;
}

/**
 * The objectives at the indexes the sequencing engine already gave them (`seeded`: it fills
 * `cmi.objectives` from the activity's objectives when it delivers the activity, and an id is unique, so
 * writing it at another index fails with 351), then saved objectives (keeping their order), then the
 * manifest's objectives the SCO has not seen yet.
 */
function objectives2004(item: Item, saved: CmiJson | undefined, seeded: string[]): Array<Record<string, unknown>> {
  const restored: Array<Record<string, unknown>> = cmiArray(saved?.objectives).map((objective) => ({
    ...pick(objective, ['id', 'success_status', 'completion_status', 'progress_measure', 'description']),
    ...(objective.score ? { score: pick(objective.score as Record<string, unknown>, ['scaled', 'raw', 'min', 'max']) } : {}),
  }));
  const objectives = seeded.map((id) => restored.find((objective) => objective.id === id) ?? { id });
  objectives.push(...restored.filter((objective) => !seeded.includes(objective.id as string)));
  const known = new Set(objectives.map((objective) => objective.id));
  for (const objective of item.sequencing?.objectives ?? []) {
    if (objective.objectiveID && !known.has(objective.objectiveID)) {
      objectives.push({ id: objective.objectiveID });
      known.add(objective.objectiveID);
    }
  }
  return objectives.filter((objective) => objective.id);
}
