import type { SequencingHold } from '@lms-kit/core';

/** The parts of scorm-again's activity (its sequencing engine's tracking state) that tell why a choice is refused. */
export interface EngineActivity {
  id: string;
  children: EngineActivity[];
  parent: EngineActivity | null;
  attemptCount: number;
  attemptLimit: number | null;
  isHiddenFromChoice: boolean;
  isAvailable: boolean;
  sequencingControls: { choice: boolean; forwardOnly: boolean };
  sequencingRules: { evaluatePreConditionRules(activity: EngineActivity): string | null };
}

/** Pre-condition rule actions that close an activity to choice. */
const CLOSING_ACTIONS = new Set(['disabled', 'hiddenFromChoice']);

/**
 * Why the engine refuses a choice of `activity`, as a learner would understand it. The engine only
 * says yes or no (its exception codes do not tell the causes apart), so the cause is read from the
 * activity and its ancestors, most specific first: no attempts left, the manifest's rules (disabled,
 * hidden from choice, not selected), a cluster that allows no choice (the learner goes with Previous
 * and Next), a cluster that only goes forward, else the order the cluster constrains.
 */
export function sequencingHold(activity: EngineActivity, current?: EngineActivity): SequencingHold {
  if (activity.attemptLimit && activity.attemptCount >= activity.attemptLimit) return 'attempts';
  const ancestors: EngineActivity[] = [];
  for (let node: EngineActivity | null = activity; node; node = node.parent) {
    if (!node.isAvailable || node.isHiddenFromChoice) return 'rules';
    if (node.parent && CLOSING_ACTIONS.has(node.sequencingRules.evaluatePreConditionRules(node) ?? '')) return 'rules';
    if (node.parent) ancestors.push(node.parent);
  }
  if (ancestors.some((ancestor) => !ancestor.sequencingControls.choice)) return 'flow';
  if (current && ancestors.some((ancestor) => ancestor.sequencingControls.forwardOnly) && isBefore(activity, current)) return 'backward';
  return 'order';
}

/** Whether `a` comes before `b` in the tree's order. */
function isBefore(a: EngineActivity, b: EngineActivity): boolean {
  const path = (node: EngineActivity) => {
    const indexes: number[] = [];
    for (let n: EngineActivity | null = node; n?.parent; n = n.parent) indexes.unshift(n.parent.children.indexOf(n));
    return indexes;
  };
  const pa = path(a);
  const pb = path(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i];
  return pa.length < pb.length;
}
