import type { Scorm2004API } from 'scorm-again';
import type {
  ExtendedObjectiveMap,
  Item,
  ManifestWarning,
  Objective,
  Organization,
  ScormPackage,
  Sequencing,
  SequencingRule,
} from '../manifest/model.js';

// scorm-again's settings types, reached through the constructor (its root exports only some of them).
type SequencingSettings = NonNullable<NonNullable<ConstructorParameters<typeof Scorm2004API>[0]>['sequencing']>;
type ActivitySettings = NonNullable<SequencingSettings['activityTree']>;
type ObjectiveSettings = NonNullable<ActivitySettings['primaryObjective']>;
type ControlSettings = NonNullable<ActivitySettings['sequencingControls']>;
type SequencingRuleSettings = NonNullable<NonNullable<ActivitySettings['sequencingRules']>['preConditionRules']>[number];

/** Rule conditions and actions scorm-again's sequencing engine evaluates. */
const RULE_CONDITIONS = new Set([
  'satisfied',
  'objectiveStatusKnown',
  'objectiveMeasureKnown',
  'objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan',
  'completed',
  'activityProgressKnown',
  'attempted',
  'attemptLimitExceeded',
  'timeLimitExceeded',
  'outsideAvailableTimeRange',
  'always',
]);
const RULE_ACTIONS = new Set([
  'skip',
  'disabled',
  'hiddenFromChoice',
  'stopForwardTraversal',
  'exitParent',
  'exitAll',
  'retry',
  'retryAll',
  'continue',
  'previous',
  'exit',
]);
/** Manifest rollup conditions → scorm-again's names (timeLimitExceeded and outsideAvailableTimeRange have none). */
const ROLLUP_CONDITIONS: Record<string, string> = {
  satisfied: 'satisfied',
  objectiveStatusKnown: 'objectiveStatusKnown',
  objectiveMeasureKnown: 'objectiveMeasureKnown',
  completed: 'completed',
  activityProgressKnown: 'progressKnown',
  attempted: 'attempted',
  attemptLimitExceeded: 'attemptLimitExceeded',
  always: 'always',
};

export interface CompiledSequencing {
  settings: SequencingSettings;
  /** Activity ids of the items that launch content, in tree order. */
  leaves: string[];
  /** What the manifest asks for that the engine will not do; each is also said in `ScormPackage.warnings` terms. */
  warnings: ManifestWarning[];
}

/**
 * Compiles an organization's items and `imsss:sequencing` (with sequencing collection references
 * resolved) into scorm-again's activity tree, so its sequencing engine decides what is delivered,
 * what is available, and how status rolls up. Whatever the engine cannot honour becomes a typed
 * `sequencing/unsupported` warning instead of being silently dropped.
 */
export function compileActivityTree(pkg: ScormPackage, organization: Organization): CompiledSequencing {
  const warnings: ManifestWarning[] = [];
  const leaves: string[] = [];
  const resolve = (sequencing: Sequencing | undefined, path: string): Sequencing | undefined => {
    if (!sequencing?.idRef) return sequencing;
    const shared = pkg.sequencingCollection[sequencing.idRef];
    if (!shared)
      warnings.push({ code: 'sequencing/unsupported', path, message: `unknown sequencing collection entry "${sequencing.idRef}"` });
    return { ...shared, ...sequencing };
  };
  const activity = (item: Item, path: string): ActivitySettings => {
    const settings: ActivitySettings = { id: item.identifier, title: item.title };
    if (!item.isVisible) settings.isVisible = false;
    if (item.children.length) settings.children = item.children.map((child, index) => activity(child, `${path}.items[${index}]`));
    else leaves.push(item.identifier);
    if (item.completionThreshold) settings.completionThreshold = { ...item.completionThreshold };
    if (item.hideLmsUi?.length) settings.hideLmsUi = item.hideLmsUi as ActivitySettings['hideLmsUi'];
    if (item.sharedData?.length) settings.sharedDataMaps = item.sharedData.map((map) => ({ ...map }));
    if (item.timeLimitAction) {
      warnings.push({
        code: 'sequencing/unsupported',
        path,
        message: `timeLimitAction "${item.timeLimitAction}" is given to the SCO, not enforced by the player`,
      });
    }
    applySequencing(settings, resolve(item.sequencing, path), path, warnings);
    return settings;
  };
  const root: ActivitySettings = {
    id: organization.identifier,
    title: organization.title,
    children: organization.items.map((item, index) => activity(item, `items[${index}]`)),
  };
  applySequencing(root, resolve(organization.sequencing, 'organization'), 'organization', warnings);
  return { settings: { activityTree: root, autoRollupOnCMIChange: true, validateNavigationRequests: true }, leaves, warnings };
}

function applySequencing(settings: ActivitySettings, sequencing: Sequencing | undefined, path: string, warnings: ManifestWarning[]): void {
  if (!sequencing) return;
  const unsupported = (message: string) => warnings.push({ code: 'sequencing/unsupported', path, message });
  const controls: NonNullable<ActivitySettings['sequencingControls']> = { ...sequencing.controlMode };
  if (sequencing.constrainedChoiceConsiderations) Object.assign(controls, sequencing.constrainedChoiceConsiderations);
  if (sequencing.randomizationControls) Object.assign(controls, randomizationSettings(sequencing.randomizationControls));
  const rollup = sequencing.rollupRules;
  if (rollup) {
    if (rollup.rollupObjectiveSatisfied !== undefined) controls.rollupObjectiveSatisfied = rollup.rollupObjectiveSatisfied;
    if (rollup.rollupProgressCompletion !== undefined) controls.rollupProgressCompletion = rollup.rollupProgressCompletion;
    if (rollup.objectiveMeasureWeight !== undefined) controls.objectiveMeasureWeight = rollup.objectiveMeasureWeight;
    const rules = rollup.rules.filter((rule) => {
      const bad = rule.conditions.find((condition) => !ROLLUP_CONDITIONS[condition.condition]);
      if (bad) unsupported(`rollup condition "${bad.condition}" is not evaluated; the rule is ignored`);
      return !bad;
    });
    if (rules.length) {
      settings.rollupRules = {
        rules: rules.map((rule) => ({
          action: rule.action as never,
          consideration: rule.childActivitySet as never,
          conditionCombination: rule.conditionCombination as never,
          ...(rule.minimumCount !== undefined ? { minimumCount: rule.minimumCount } : {}),
          ...(rule.minimumPercent !== undefined ? { minimumPercent: rule.minimumPercent } : {}),
          conditions: rule.conditions.map((condition) => ({
            condition: ROLLUP_CONDITIONS[condition.condition] as never,
            ...(condition.operator === 'not' ? { operator: 'not' as never } : {}),
          })),
        })),
      };
    }
  }
  if (Object.keys(controls).length) settings.sequencingControls = controls;
  if (sequencing.deliveryControls) settings.deliveryControls = { ...sequencing.deliveryControls };
  if (sequencing.rollupConsiderations) settings.rollupConsiderations = { ...sequencing.rollupConsiderations };
  if (sequencing.limitConditions?.attemptLimit !== undefined) settings.attemptLimit = sequencing.limitConditions.attemptLimit;
  if (sequencing.limitConditions?.attemptAbsoluteDurationLimit) {
    settings.attemptAbsoluteDurationLimit = sequencing.limitConditions.attemptAbsoluteDurationLimit;
  }
  const rules = (list: SequencingRule[] | undefined) =>
    list?.map((rule) => compileRule(rule, unsupported)).filter((rule): rule is SequencingRuleSettings => !!rule);
  const pre = rules(choiceRulesFirst(sequencing.preConditionRules));
  const exit = rules(sequencing.exitConditionRules);
  const post = rules(sequencing.postConditionRules);
  if (pre?.length || exit?.length || post?.length) {
    settings.sequencingRules = {
      ...(pre?.length ? { preConditionRules: pre } : {}),
      ...(exit?.length ? { exitConditionRules: exit } : {}),
      ...(post?.length ? { postConditionRules: post } : {}),
    };
  }
  const objectives = sequencing.objectives ?? [];
  const primary = objectives.find((objective) => objective.primary);
  if (primary) settings.primaryObjective = compileObjective(primary);
  const others = objectives.filter((objective) => !objective.primary && objective.objectiveID);
  if (others.length) settings.objectives = others.map(compileObjective);
}

/** Pre-condition actions that close an activity to choice. */
const CHOICE_ACTIONS = new Set(['disabled', 'hiddenFromChoice', 'stopForwardTraversal']);

/**
 * SCORM evaluates pre-condition rules one action at a time (skip rules for flow, disabled and hidden
 * rules for choice). scorm-again does so for flow, but for choice it acts on the first rule that
 * matches, whatever its action: an activity skipped *and* disabled by the same condition would stay
 * open to choice when its skip rule comes first. Putting the rules that close choice first gives
 * SCORM's result; every other use of the first match treats skip and these actions alike.
 */
function choiceRulesFirst(rules: SequencingRule[] | undefined): SequencingRule[] | undefined {
  return rules && [...rules].sort((a, b) => Number(CHOICE_ACTIONS.has(b.action)) - Number(CHOICE_ACTIONS.has(a.action)));
}

function compileRule(rule: SequencingRule, unsupported: (message: string) => void): SequencingRuleSettings | undefined {
  if (!RULE_ACTIONS.has(rule.action)) {
    unsupported(`rule action "${rule.action}" is not supported; the rule is ignored`);
    return undefined;
  }
  const bad = rule.conditions.find((condition) => !RULE_CONDITIONS.has(condition.condition));
  if (bad) {
    unsupported(`rule condition "${bad.condition}" is not evaluated; the rule is ignored`);
    return undefined;
  }
  return {
    action: rule.action as never,
    conditionCombination: rule.conditionCombination,
    conditions: rule.conditions.map((condition) => ({
      condition: condition.condition as never,
      ...(condition.operator === 'not' ? { operator: 'not' as never } : {}),
      ...(condition.referencedObjective ? { referencedObjective: condition.referencedObjective } : {}),
      ...(condition.measureThreshold !== undefined ? { parameters: { threshold: condition.measureThreshold } } : {}),
    })),
  };
}

function compileObjective(objective: Objective): ObjectiveSettings {
  const settings: ObjectiveSettings = {
    objectiveID: objective.objectiveID || 'primary',
    isPrimary: objective.primary,
    satisfiedByMeasure: objective.satisfiedByMeasure,
  };
  if (objective.minNormalizedMeasure !== undefined) settings.minNormalizedMeasure = objective.minNormalizedMeasure;
  if (objective.mapInfo.length) {
    settings.mapInfo = objective.mapInfo.map(({ extended, ...map }) => ({ ...map, ...(extended ?? NOT_SHARED) }));
  }
  return settings;
}

/**
 * A global objective mapped by `imsss:mapInfo` alone shares satisfaction and measure, nothing else (the
 * engine would otherwise read completion, progress and scores from it by default).
 */
const NOT_SHARED: ExtendedObjectiveMap = {
  readCompletionStatus: false,
  writeCompletionStatus: false,
  readProgressMeasure: false,
  writeProgressMeasure: false,
  readRawScore: false,
  writeRawScore: false,
  readMinScore: false,
  writeMinScore: false,
  readMaxScore: false,
  writeMaxScore: false,
};

/**
 * The manifest's randomization controls in the engine's terms: the manifest's `reorderChildren` (shuffle
 * or not) is the engine's `randomizeChildren`; the engine's own `reorderChildren` and
 * `selectionCountStatus` are its state (already shuffled, already selected), which start false and are
 * saved with the rest of its state, so a resumed learner keeps the order and selection.
 */
function randomizationSettings(controls: NonNullable<Sequencing['randomizationControls']>): Partial<ControlSettings> {
  const settings: Partial<ControlSettings> = {};
  if (controls.reorderChildren !== undefined) settings.randomizeChildren = controls.reorderChildren;
  if (controls.randomizationTiming) settings.randomizationTiming = controls.randomizationTiming as ControlSettings['randomizationTiming'];
  if (controls.selectionTiming) settings.selectionTiming = controls.selectionTiming as ControlSettings['selectionTiming'];
  if (controls.selectCount !== undefined) settings.selectCount = controls.selectCount;
  return settings;
}
