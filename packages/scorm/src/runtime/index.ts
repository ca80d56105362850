/**
 * The SCORM runtime, loaded when a package is played: scorm-again hosted with LMS Kit persistence,
 * resume, xAPI statements and (2004) the sequencing engine.
 */
export { ScoSession, type ScoSessionOptions, type NavigationRequest, type ScormApi } from './sco-session.js';
export { ScoAttemptStore, replayScormJournal, type ScoAttempt, type ScoAttemptData } from './attempt-store.js';
export { summarizeCmi, resultOf, type CmiSummary, type CmiJson } from './cmi.js';
export { launchData } from './launch-data.js';
export { openPackage, isUnpacked, type OpenedPackage } from './open-package.js';
export { exposeApi, withdrawApi } from './expose.js';
export { ScormStatements, SCORM_PROFILE, type ScoStatementContext, type InteractionRecord } from '../xapi/scorm-statements.js';
export { packageCourse, safeId } from '../course/package-course.js';
export { PackageSequencer, type SequencerOptions, type RootStatus, type FlowRequest } from './sequencer.js';
export { sequencingHold, type EngineActivity } from './sequencing-hold.js';
export { sharedDataStores, type SharedDataScope } from './shared-data.js';
export type { ScormCommit } from './persisting-http.js';
export { compileActivityTree, type CompiledSequencing } from './activity-tree.js';
export { launchIsolated, contentOrigin, CONTENT_SANDBOX, type IsolatedLaunch, type IsolatedLaunchOptions } from '../isolation/index.js';
