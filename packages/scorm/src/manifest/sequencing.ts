import type { ExtendedObjectiveMap, Objective, RollupRequirement, RollupRule, RuleCondition, Sequencing, SequencingRule } from './model.js';
import { attribute, booleanAttribute, childElement, childElements, numberAttribute } from './xml.js';

/** Reads one `imsss:sequencing` element (IMS Simple Sequencing with the ADL extensions SCORM 2004 uses). */
export function parseSequencing(element: Element): Sequencing {
  const sequencing: Sequencing = {};
  const idRef = attribute(element, 'IDRef');
  if (idRef) sequencing.idRef = idRef;

  const control = childElement(element, 'controlMode');
  if (control) {
    sequencing.controlMode = defined({
      choice: booleanAttribute(control, 'choice'),
      choiceExit: booleanAttribute(control, 'choiceExit'),
      flow: booleanAttribute(control, 'flow'),
      forwardOnly: booleanAttribute(control, 'forwardOnly'),
      useCurrentAttemptObjectiveInfo: booleanAttribute(control, 'useCurrentAttemptObjectiveInfo'),
      useCurrentAttemptProgressInfo: booleanAttribute(control, 'useCurrentAttemptProgressInfo'),
    });
  }

  const rules = childElement(element, 'sequencingRules');
  if (rules) {
    const read = (name: string) => childElements(rules, name).map(parseRule);
    const pre = read('preConditionRule');
    const exit = read('exitConditionRule');
    const post = read('postConditionRule');
    if (pre.length) sequencing.preConditionRules = pre;
    if (exit.length) sequencing.exitConditionRules = exit;
    if (post.length) sequencing.postConditionRules = post;
  }

  const limits = childElement(element, 'limitConditions');
  if (limits) {
    sequencing.limitConditions = defined({
      attemptLimit: numberAttribute(limits, 'attemptLimit'),
      attemptAbsoluteDurationLimit: attribute(limits, 'attemptAbsoluteDurationLimit'),
    });
  }

  const rollup = childElement(element, 'rollupRules');
  if (rollup) {
    sequencing.rollupRules = {
      ...defined({
        rollupObjectiveSatisfied: booleanAttribute(rollup, 'rollupObjectiveSatisfied'),
        rollupProgressCompletion: booleanAttribute(rollup, 'rollupProgressCompletion'),
        objectiveMeasureWeight: numberAttribute(rollup, 'objectiveMeasureWeight'),
      }),
      rules: childElements(rollup, 'rollupRule').map(parseRollupRule),
    };
  }

  // `imsss:objectives` and the 4th edition's `adlseq:objectives` share a local name: told apart by namespace.
  const objectives = childElements(element, 'objectives').find((child) => !isAdlseq(child));
  if (objectives) {
    sequencing.objectives = [
      ...childElements(objectives, 'primaryObjective').map((o) => parseObjective(o, true)),
      ...childElements(objectives, 'objective').map((o) => parseObjective(o, false)),
    ];
    const extended = childElements(element, 'objectives').find(isAdlseq);
    if (extended) applyExtendedMaps(sequencing.objectives, extended);
  }

  const randomization = childElement(element, 'randomizationControls');
  if (randomization) {
    sequencing.randomizationControls = defined({
      randomizationTiming: timing(attribute(randomization, 'randomizationTiming')),
      selectCount: numberAttribute(randomization, 'selectCount'),
      reorderChildren: booleanAttribute(randomization, 'reorderChildren'),
      selectionTiming: timing(attribute(randomization, 'selectionTiming')),
    });
  }

  const delivery = childElement(element, 'deliveryControls');
  if (delivery) {
    sequencing.deliveryControls = defined({
      tracked: booleanAttribute(delivery, 'tracked'),
      completionSetByContent: booleanAttribute(delivery, 'completionSetByContent'),
      objectiveSetByContent: booleanAttribute(delivery, 'objectiveSetByContent'),
    });
  }

  const considerations = childElement(element, 'rollupConsiderations');
  if (considerations) {
    const read = (name: string) => attribute(considerations, name) as RollupRequirement | undefined;
    sequencing.rollupConsiderations = defined({
      requiredForSatisfied: read('requiredForSatisfied'),
      requiredForNotSatisfied: read('requiredForNotSatisfied'),
      requiredForCompleted: read('requiredForCompleted'),
      requiredForIncomplete: read('requiredForIncomplete'),
      measureSatisfactionIfActive: booleanAttribute(considerations, 'measureSatisfactionIfActive'),
    });
  }

  const constrained = childElement(element, 'constrainedChoiceConsiderations');
  if (constrained) {
    sequencing.constrainedChoiceConsiderations = defined({
      preventActivation: booleanAttribute(constrained, 'preventActivation'),
      constrainChoice: booleanAttribute(constrained, 'constrainChoice'),
    });
  }
  return sequencing;
}

function parseRule(element: Element): SequencingRule {
  const conditions = childElement(element, 'ruleConditions');
  const action = childElement(element, 'ruleAction');
  return {
    conditionCombination: conditions && attribute(conditions, 'conditionCombination') === 'any' ? 'any' : 'all',
    conditions: conditions
      ? childElements(conditions, 'ruleCondition').map((condition): RuleCondition => {
          const parsed: RuleCondition = {
            condition: attribute(condition, 'condition') ?? 'always',
            operator: attribute(condition, 'operator') === 'not' ? 'not' : 'noOp',
          };
          const referenced = attribute(condition, 'referencedObjective');
          if (referenced) parsed.referencedObjective = referenced;
          const threshold = numberAttribute(condition, 'measureThreshold');
          if (threshold !== undefined) parsed.measureThreshold = threshold;
          return parsed;
        })
      : [],
    action: (action && attribute(action, 'action')) ?? '',
  };
}

function parseRollupRule(element: Element): RollupRule {
  const conditions = childElement(element, 'rollupConditions');
  const action = childElement(element, 'rollupAction');
  const rule: RollupRule = {
    childActivitySet: (attribute(element, 'childActivitySet') as RollupRule['childActivitySet']) ?? 'all',
    conditionCombination: conditions && attribute(conditions, 'conditionCombination') === 'all' ? 'all' : 'any',
    conditions: conditions
      ? childElements(conditions, 'rollupCondition').map((condition) => ({
          condition: attribute(condition, 'condition') ?? '',
          operator: attribute(condition, 'operator') === 'not' ? ('not' as const) : ('noOp' as const),
        }))
      : [],
    action: ((action && attribute(action, 'action')) ?? 'satisfied') as RollupRule['action'],
  };
  const minimumCount = numberAttribute(element, 'minimumCount');
  const minimumPercent = numberAttribute(element, 'minimumPercent');
  if (minimumCount !== undefined) rule.minimumCount = minimumCount;
  if (minimumPercent !== undefined) rule.minimumPercent = minimumPercent;
  return rule;
}

function parseObjective(element: Element, primary: boolean): Objective {
  const objective: Objective = {
    objectiveID: attribute(element, 'objectiveID') ?? '',
    primary,
    satisfiedByMeasure: booleanAttribute(element, 'satisfiedByMeasure') ?? false,
    mapInfo: childElements(element, 'mapInfo').map((map) => ({
      targetObjectiveID: attribute(map, 'targetObjectiveID') ?? '',
      readSatisfiedStatus: booleanAttribute(map, 'readSatisfiedStatus') ?? true,
      readNormalizedMeasure: booleanAttribute(map, 'readNormalizedMeasure') ?? true,
      writeSatisfiedStatus: booleanAttribute(map, 'writeSatisfiedStatus') ?? false,
      writeNormalizedMeasure: booleanAttribute(map, 'writeNormalizedMeasure') ?? false,
    })),
  };
  const measure = childElement(element, 'minNormalizedMeasure');
  const value = measure?.textContent?.trim();
  if (value && Number.isFinite(Number(value))) objective.minNormalizedMeasure = Number(value);
  return objective;
}

function isAdlseq(element: Element): boolean {
  return /adlseq/i.test(element.namespaceURI ?? '') || element.prefix === 'adlseq';
}

/**
 * `adlseq:objective` (4th edition) names an `imsss` objective by id and says, per global objective, whether
 * its completion status, progress measure and raw/min/max score are read (default true) and written
 * (default false). A target the `imsss:mapInfo` does not map gets a map of its own that shares only these.
 */
function applyExtendedMaps(objectives: Objective[], element: Element): void {
  for (const extended of childElements(element, 'objective')) {
    const id = attribute(extended, 'objectiveID') ?? '';
    const objective = objectives.find((candidate) => candidate.objectiveID === id);
    if (!objective) continue;
    for (const map of childElements(extended, 'mapInfo')) {
      const targetObjectiveID = attribute(map, 'targetObjectiveID') ?? '';
      if (!targetObjectiveID) continue;
      const flag = (name: keyof ExtendedObjectiveMap) => booleanAttribute(map, name) ?? name.startsWith('read');
      const shared: ExtendedObjectiveMap = {
        readCompletionStatus: flag('readCompletionStatus'),
        writeCompletionStatus: flag('writeCompletionStatus'),
        readProgressMeasure: flag('readProgressMeasure'),
        writeProgressMeasure: flag('writeProgressMeasure'),
        readRawScore: flag('readRawScore'),
        writeRawScore: flag('writeRawScore'),
        readMinScore: flag('readMinScore'),
        writeMinScore: flag('writeMinScore'),
        readMaxScore: flag('readMaxScore'),
        writeMaxScore: flag('writeMaxScore'),
      };
      const existing = objective.mapInfo.find((candidate) => candidate.targetObjectiveID === targetObjectiveID);
      if (existing) existing.extended = shared;
      else
        objective.mapInfo.push({
          targetObjectiveID,
          readSatisfiedStatus: false,
          readNormalizedMeasure: false,
          writeSatisfiedStatus: false,
          writeNormalizedMeasure: false,
          extended: shared,
        });
    }
  }
}

function timing(value: string | undefined): 'never' | 'once' | 'onEachNewAttempt' | undefined {
  return value === 'never' || value === 'once' || value === 'onEachNewAttempt' ? value : undefined;
}

/** Drops undefined fields, so stored models stay small and equal after a round trip. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
