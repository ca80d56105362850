export * from './vocabulary.js';
export {
  parseCourseStructure,
  pickText,
  allAus,
  allBlocks,
  CMI5_NAMESPACE,
  type Cmi5Au,
  type Cmi5Block,
  type Cmi5CourseStructure,
  type Cmi5Objective,
  type LangText,
} from './structure.js';
export { importCmi5Course, lmsActivityIds, contentType, type Cmi5PackageFile, type ImportOptions } from './import.js';
export { launchAu, endSession, cmi5Actor, type Cmi5Learner, type Cmi5Endpoints, type LaunchOptions, type Launch } from './launch.js';
export { waiveAu } from './waive.js';
export { moveOnMet, updateSatisfaction, readStatuses } from './satisfaction.js';
export { checkAuStatement, applyAuStatement, isCmi5Defined, type RuleOutcome } from './rules.js';
export {
  Cmi5Collections,
  auStatusId,
  courseKeyOf,
  type Cmi5CourseRecord,
  type Cmi5Session,
  type Cmi5AuStatus,
  type Cmi5Document,
  type Cmi5StoredStatement,
} from './records.js';
export { createCmi5Route, cmi5Urls, type Route, type Cmi5RouteOptions } from './facade/route.js';
export { stateDocumentId, agentProfileId, activityProfileId } from './documents.js';
