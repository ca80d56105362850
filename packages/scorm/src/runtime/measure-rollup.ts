/** The parts of scorm-again's activity (its engine's tracking state) the measure rollup reads. */
export interface MeasuredActivity {
  id: string;
  children: MeasuredActivity[];
  objectiveMeasureStatus: boolean;
  objectiveNormalizedMeasure: number | null;
  sequencingControls: { tracked: boolean; objectiveMeasureWeight: number };
  getAvailableChildren?(): MeasuredActivity[];
}

/**
 * The Measure Rollup Process of SCORM 2004 (SN RB.1.1): a cluster's measure is the weighted mean of its
 * tracked children's measures, every tracked child counting in the weights whether or not its measure
 * is known, so an activity the learner skipped or has not scored pulls the score down instead of
 * vanishing; no known measure, or weights that add up to 0, leave the measure unknown.
 *
 * scorm-again departs from this on purpose ("complex weighting": it averages only the children that have
 * a measure, lowers the weight of incomplete or retried children, and reports 0 when every weight is 0),
 * which gives the course a score the package never asked for. LMS Kit reports this one instead; the
 * engine's own rules keep using its value.
 */
export function rolledUpMeasure(activity: MeasuredActivity): number | undefined {
  if (!activity.children.length) {
    return activity.objectiveMeasureStatus && activity.objectiveNormalizedMeasure !== null
      ? activity.objectiveNormalizedMeasure
      : undefined;
  }
  let total = 0;
  let counted = 0;
  let known = false;
  for (const child of activity.getAvailableChildren?.() ?? activity.children) {
    if (!child.sequencingControls.tracked) continue;
    const weight = child.sequencingControls.objectiveMeasureWeight;
    counted += weight;
    const measure = rolledUpMeasure(child);
    if (measure !== undefined) {
      total += measure * weight;
      known = true;
    }
  }
  return known && counted > 0 ? total / counted : undefined;
}

export function findActivity(root: MeasuredActivity | null | undefined, id: string): MeasuredActivity | undefined {
  if (!root) return undefined;
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findActivity(child, id);
    if (found) return found;
  }
  return undefined;
}
