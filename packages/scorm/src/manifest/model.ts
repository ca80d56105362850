/**
 * A SCORM package as read from its `imsmanifest.xml`: organizations of nested items, the resources they
 * launch, and the SCORM 2004 sequencing and navigation data (IMS Simple Sequencing) attached to them.
 * Everything is plain data (no DOM nodes), so it can be stored in IndexedDB and sent to a worker.
 */
export type ScormVersion = '1.2' | '2004';

export interface ScormPackage {
  version: ScormVersion;
  /** SCORM 2004 edition (2, 3 or 4) from `schemaversion`; undefined for 1.2. */
  edition?: 2 | 3 | 4;
  /** `schemaversion` as written, e.g. `1.2`, `CAM 1.3`, `2004 3rd Edition`. */
  schemaVersion?: string;
  /** The manifest's `identifier`. */
  identifier: string;
  /** Title of the default organization (or the manifest identifier when there is none). */
  title: string;
  defaultOrganization?: string;
  organizations: Organization[];
  resources: Record<string, Resource>;
  /** `imsss:sequencingCollection` entries, by their `ID`. */
  sequencingCollection: Record<string, Sequencing>;
  /** Things the manifest asks for that were read but may not be honoured, with where they are. */
  warnings: ManifestWarning[];
}

export interface ManifestWarning {
  code: 'manifest/unknown-resource' | 'manifest/unsupported' | 'manifest/ignored' | 'sequencing/unsupported';
  path: string;
  message: string;
}

export interface Organization {
  identifier: string;
  title: string;
  items: Item[];
  sequencing?: Sequencing;
  /** `adlseq:objectivesGlobalToSystem` (default true). */
  objectivesGlobalToSystem: boolean;
  /** `adlcp:sharedDataGlobalToSystem` (default true). */
  sharedDataGlobalToSystem: boolean;
}

export interface Item {
  identifier: string;
  title: string;
  /** Launchable when it references a resource with an `href`. */
  identifierref?: string;
  /** Query string appended to the launch URL (`parameters`). */
  parameters?: string;
  isVisible: boolean;
  children: Item[];
  /** Resolved launch path inside the package (xml:base applied, parameters appended), for leaf items. */
  launch?: string;
  /** `sco` when the content talks to the runtime, `asset` otherwise. */
  scormType?: 'sco' | 'asset';
  /** SCORM 1.2 `adlcp:masteryscore` (0–100). */
  masteryScore?: number;
  /** SCORM 1.2 `adlcp:maxtimeallowed` / 2004 limit condition. */
  maxTimeAllowed?: string;
  /** `adlcp:timeLimitAction`: `exit,message`, `exit,no message`, `continue,message`, `continue,no message`. */
  timeLimitAction?: string;
  /** `adlcp:dataFromLMS` / `adlcp:datafromlms`: given to the SCO as `cmi.launch_data`. */
  dataFromLMS?: string;
  /** SCORM 1.2 `adlcp:prerequisites` (AICC script). */
  prerequisites?: string;
  /** SCORM 2004 `adlcp:completionThreshold` (2nd/3rd edition: a number; 4th: attributes). */
  completionThreshold?: CompletionThreshold;
  sequencing?: Sequencing;
  /** `adlnav:presentation/navigationInterface/hideLMSUI` values. */
  hideLmsUi?: string[];
  /** SCORM 2004 4th edition `adlcp:data/adlcp:map`: the shared data stores the SCO sees as `adl.data`. */
  sharedData?: SharedDataMap[];
}

/** One `adlcp:map`: a shared data store (by `targetID`) and whether the SCO may read and write it. */
export interface SharedDataMap {
  targetID: string;
  /** Default true. */
  readSharedData: boolean;
  /** Default true. */
  writeSharedData: boolean;
}

export interface CompletionThreshold {
  completedByMeasure: boolean;
  minProgressMeasure: number;
  progressWeight: number;
}

export interface Resource {
  identifier: string;
  type: string;
  scormType: 'sco' | 'asset';
  /** Launch path inside the package, xml:base applied. */
  href?: string;
  /** Files listed by the resource, xml:base applied. */
  files: string[];
  dependencies: string[];
}

/** `imsss:sequencing` of an item or organization (IMS Simple Sequencing 1.0, SCORM 2004 profile). */
export interface Sequencing {
  /** `IDRef` to a sequencing collection entry. */
  idRef?: string;
  controlMode?: ControlMode;
  preConditionRules?: SequencingRule[];
  exitConditionRules?: SequencingRule[];
  postConditionRules?: SequencingRule[];
  limitConditions?: { attemptLimit?: number; attemptAbsoluteDurationLimit?: string };
  rollupRules?: RollupRules;
  objectives?: Objective[];
  randomizationControls?: {
    randomizationTiming?: 'never' | 'once' | 'onEachNewAttempt';
    selectCount?: number;
    reorderChildren?: boolean;
    selectionTiming?: 'never' | 'once' | 'onEachNewAttempt';
  };
  deliveryControls?: { tracked?: boolean; completionSetByContent?: boolean; objectiveSetByContent?: boolean };
  rollupConsiderations?: {
    requiredForSatisfied?: RollupRequirement;
    requiredForNotSatisfied?: RollupRequirement;
    requiredForCompleted?: RollupRequirement;
    requiredForIncomplete?: RollupRequirement;
    measureSatisfactionIfActive?: boolean;
  };
  constrainedChoiceConsiderations?: { preventActivation?: boolean; constrainChoice?: boolean };
}

export type RollupRequirement = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export interface ControlMode {
  choice?: boolean;
  choiceExit?: boolean;
  flow?: boolean;
  forwardOnly?: boolean;
  useCurrentAttemptObjectiveInfo?: boolean;
  useCurrentAttemptProgressInfo?: boolean;
}

export interface RuleCondition {
  condition: string;
  operator: 'noOp' | 'not';
  referencedObjective?: string;
  measureThreshold?: number;
}

export interface SequencingRule {
  conditionCombination: 'all' | 'any';
  conditions: RuleCondition[];
  action: string;
}

export interface RollupRules {
  rollupObjectiveSatisfied?: boolean;
  rollupProgressCompletion?: boolean;
  objectiveMeasureWeight?: number;
  rules: RollupRule[];
}

export interface RollupRule {
  childActivitySet: 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';
  minimumCount?: number;
  minimumPercent?: number;
  conditionCombination: 'all' | 'any';
  conditions: Array<{ condition: string; operator: 'noOp' | 'not' }>;
  action: 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';
}

export interface Objective {
  /** Empty for a primary objective without an id. */
  objectiveID: string;
  primary: boolean;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure?: number;
  mapInfo: ObjectiveMap[];
}

export interface ObjectiveMap {
  targetObjectiveID: string;
  readSatisfiedStatus: boolean;
  readNormalizedMeasure: boolean;
  writeSatisfiedStatus: boolean;
  writeNormalizedMeasure: boolean;
  /**
   * SCORM 2004 4th edition `adlseq:objectives/adlseq:objective/adlseq:mapInfo`: what else of the global
   * objective is read and written (completion, progress, raw/min/max score). Absent when the manifest maps
   * only satisfaction and measure (`imsss:mapInfo`): then none of these is shared.
   */
  extended?: ExtendedObjectiveMap;
}

export interface ExtendedObjectiveMap {
  readCompletionStatus: boolean;
  writeCompletionStatus: boolean;
  readProgressMeasure: boolean;
  writeProgressMeasure: boolean;
  readRawScore: boolean;
  writeRawScore: boolean;
  readMinScore: boolean;
  writeMinScore: boolean;
  readMaxScore: boolean;
  writeMaxScore: boolean;
}

/** Every item of an organization, depth first, with its ancestors' titles. */
export function flattenItems(items: Item[], trail: Item[] = []): Array<{ item: Item; ancestors: Item[] }> {
  return items.flatMap((item) => [{ item, ancestors: trail }, ...flattenItems(item.children, [...trail, item])]);
}

/** The items a learner can launch (those pointing at a resource with a launch URL), in order. */
export function launchableItems(organization: Organization): Item[] {
  return flattenItems(organization.items)
    .map(({ item }) => item)
    .filter((item) => item.launch !== undefined);
}

export function defaultOrganization(pkg: ScormPackage): Organization | undefined {
  return pkg.organizations.find((o) => o.identifier === pkg.defaultOrganization) ?? pkg.organizations[0];
}

export function findItem(pkg: ScormPackage, identifier: string): Item | undefined {
  for (const organization of pkg.organizations) {
    const found = flattenItems(organization.items).find(({ item }) => item.identifier === identifier);
    if (found) return found.item;
  }
  return undefined;
}
