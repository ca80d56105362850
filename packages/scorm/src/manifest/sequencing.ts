import type { Objective, RollupRequirement, RollupRule, RuleCondition, Sequencing, SequencingRule } from './model.js';
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

  const objectives = childElement(element, 'objectives');
  if (objectives) {
    sequencing.objectives = [
      ...childElements(objectives, 'primaryObjective').map((o) => parseObjective(o, true)),
      ...childElements(objectives, 'objective').map((o) => parseObjective(o, false)),
    ];
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

function timing(value: string | undefined): 'never' | 'once' | 'onEachNewAttempt' | undefined {
  return value === 'never' || value === 'once' || value === 'onEachNewAttempt' ? value : undefined;
}

/** Drops undefined fields, so stored models stay small and equal after a round trip. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
