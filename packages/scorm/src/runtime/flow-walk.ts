/**
 * Where Previous or Next would lead, read from scorm-again's tracking state without changing it. The
 * engine's own look-ahead only checks the cluster's flow control, and its flow traversal writes as it
 * walks (skipped flags, selection and randomization, ended attempts): asking it before the learner
 * presses Next would disturb the SCO still running. This walk follows the same steps of the sequencing
 * spec (SB.2.1 flow tree traversal, SB.2.2 flow activity traversal, UP.5 check activity) read-only.
 */

/** The parts of scorm-again's activity the flow walk reads. */
export interface FlowActivity {
  id: string;
  parent: FlowActivity | null;
  children: FlowActivity[];
  getAvailableChildren(): FlowActivity[];
  isAvailable: boolean;
  isSuspended: boolean;
  attemptCount: number;
  attemptLimit: number | null;
  sequencingControls: {
    flow: boolean;
    forwardOnly: boolean;
    stopForwardTraversal: boolean;
    randomizeChildren: boolean;
    randomizationTiming: string;
    reorderChildren: boolean;
    selectCount: number | null;
    selectionTiming: string;
    selectionCountStatus: boolean;
  };
  sequencingRules: { preConditionRules: { action: string; evaluate(activity: FlowActivity): boolean }[] };
}

/**
 * `deliver`: the request delivers `target`; `end`: it ends the sequencing session (Next past the last
 * activity); `blocked`: the engine would refuse it; `unknown`: it depends on a draw not made yet (children
 * selected or shuffled when their cluster is entered), so only the engine can tell.
 */
export type FlowOutcome = { outcome: 'deliver'; target: string } | { outcome: 'end' } | { outcome: 'blocked' } | { outcome: 'unknown' };

type Direction = 'forward' | 'backward';

interface Step {
  activity: FlowActivity | null;
  end?: boolean;
  direction?: Direction;
  boundary?: FlowActivity;
}

class Undecided extends Error {}

/** Where `continue` or `previous` from `current` leads. */
export function walkFlow(current: FlowActivity, request: 'continue' | 'previous'): FlowOutcome {
  if (!current.parent?.sequencingControls.flow) return { outcome: 'blocked' };
  try {
    return traverseFrom(current, request === 'continue' ? 'forward' : 'backward', true, undefined);
  } catch (error) {
    if (error instanceof Undecided) return { outcome: 'unknown' };
    throw error;
  }
}

function traverseFrom(from: FlowActivity, direction: Direction, skipChildren: boolean, boundary: FlowActivity | undefined): FlowOutcome {
  const step = direction === 'forward' ? forward(from, skipChildren, boundary) : backward(from, skipChildren);
  if (!step.activity) return step.end ? { outcome: 'end' } : { outcome: 'blocked' };
  return evaluate(step.activity, step.direction ?? direction, step.boundary ?? boundary);
}

/** SB.2.2: a skipped candidate passes the walk on; one that may not be delivered stops it; a cluster is entered. */
function evaluate(activity: FlowActivity, direction: Direction, boundary: FlowActivity | undefined): FlowOutcome {
  if (activity.parent && !activity.parent.sequencingControls.flow) return { outcome: 'blocked' };
  if (preCondition(activity, 'skip')) return traverseFrom(activity, direction, true, boundary);
  if (direction === 'forward' && activity.sequencingControls.stopForwardTraversal) return { outcome: 'blocked' };
  if (!deliverable(activity)) return { outcome: 'blocked' };
  if (!activity.children.length) return { outcome: 'deliver', target: activity.id };
  return traverseFrom(activity, direction, false, boundary);
}

/** UP.5 check activity: not selected, attempts used up, or disabled by a pre-condition rule. */
function deliverable(activity: FlowActivity): boolean {
  if (!activity.isAvailable) return false;
  if (
    !activity.isSuspended &&
    activity.attemptLimit !== null &&
    activity.attemptLimit > 0 &&
    activity.attemptCount >= activity.attemptLimit
  )
    return false;
  const action = firstPreCondition(activity);
  return action !== 'skip' && action !== 'disabled';
}

function firstPreCondition(activity: FlowActivity): string | undefined {
  return activity.sequencingRules.preConditionRules.find((rule) => rule.evaluate(activity))?.action;
}

function preCondition(activity: FlowActivity, action: string): boolean {
  return activity.sequencingRules.preConditionRules.some((rule) => rule.action === action && rule.evaluate(activity));
}

/** The children a cluster's flow enters; a draw the engine makes only when entering it leaves the outcome open. */
function childrenOf(activity: FlowActivity): FlowActivity[] {
  const available = activity.getAvailableChildren();
  if (available === activity.children && drawPending(activity)) throw new Undecided();
  return available;
}

function drawPending(activity: FlowActivity): boolean {
  const controls = activity.sequencingControls;
  const select =
    controls.selectionTiming !== 'never' &&
    !(controls.selectionTiming === 'once' && controls.selectionCountStatus) &&
    controls.selectCount !== null &&
    controls.selectCount < activity.children.length;
  const shuffle =
    controls.randomizationTiming !== 'never' &&
    !(controls.randomizationTiming === 'once' && controls.reorderChildren) &&
    controls.randomizeChildren;
  return select || shuffle;
}

function siblings(activity: FlowActivity): FlowActivity[] {
  const parent = activity.parent as FlowActivity;
  const available = parent.getAvailableChildren();
  return available.includes(activity) ? available : parent.children;
}

function sibling(activity: FlowActivity, offset: 1 | -1): FlowActivity | null {
  if (!activity.parent) return null;
  const list = siblings(activity);
  return list[list.indexOf(activity) + offset] ?? null;
}

/** SB.2.1 forward: the first child, else the next sibling of the activity or of its nearest ancestor that has one. */
function forward(from: FlowActivity, skipChildren: boolean, boundary: FlowActivity | undefined): Step {
  if (boundary && !isWithin(from, boundary)) return { activity: null };
  if (!skipChildren) {
    const children = childrenOf(from);
    if (children.length) return { activity: children[0] };
  }
  for (let node: FlowActivity | null = from; node; node = node.parent) {
    const next = sibling(node, 1);
    if (next) return { activity: next };
    if (boundary && (node === boundary || node.parent === boundary)) return { activity: null };
  }
  return { activity: null, end: true };
}

/** SB.2.1 backward: not out of a forward-only cluster; into a forward-only cluster from its first child. */
function backward(from: FlowActivity, skipChildren: boolean): Step {
  if (from.parent?.sequencingControls.forwardOnly) return { activity: null };
  if (!skipChildren) {
    const children = childrenOf(from);
    if (children.length) {
      if (from.sequencingControls.forwardOnly) return { activity: children[0], direction: 'forward', boundary: from };
      return { activity: children[children.length - 1] };
    }
  }
  for (let node: FlowActivity | null = from; node; node = node.parent) {
    const previous = sibling(node, -1);
    if (previous) return entry(previous);
  }
  return { activity: null };
}

function entry(activity: FlowActivity): Step {
  const children = activity.children.length ? childrenOf(activity) : [];
  if (children.length && activity.sequencingControls.forwardOnly)
    return { activity: children[0], direction: 'forward', boundary: activity };
  return { activity };
}

function isWithin(activity: FlowActivity, ancestor: FlowActivity): boolean {
  for (let node: FlowActivity | null = activity; node; node = node.parent) if (node === ancestor) return true;
  return false;
}
