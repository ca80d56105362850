import type { Scorm12API } from 'scorm-again';

/** SCORM 1.2 error codes (RTE 3.3.4) this module sets. */
const NOT_INITIALIZED = '301';
const INCORRECT_DATA_TYPE = '405';
/** `cmi.suspend_data` is a CMIString4096 (RTE 3.4.2). */
const SUSPEND_DATA_LIMIT = 4096;

/**
 * Holds a scorm-again SCORM 1.2 API to what the 1.2 run-time specification says where scorm-again is
 * lenient on purpose, so content written against other LMSs sees the same answers here:
 *
 * - after LMSFinish the session is over: LMSSetValue, LMSGetValue, LMSCommit and LMSFinish return
 *   "false" (or "") with error 301, "Not initialized" (scorm-again keeps accepting values that are then
 *   never saved);
 * - `cmi.suspend_data` holds at most 4,096 characters: a longer value is refused with error 405
 *   (scorm-again accepts 64,000, which another LMS would truncate or refuse);
 * - a SCO that set no status when it calls LMSFinish is "completed", or "passed"/"failed" against the mastery
 *   score when it set a raw score (RTE 3.4.2, cmi.core.lesson_status): scorm-again's own default is
 *   "incomplete", which would leave such a SCO unfinished forever.
 *
 * The API's methods are replaced on the instance, which is the object the content finds as `window.API`.
 */
export function applyScorm12Rules(api: Scorm12API, lmsClosing: () => boolean = () => false): void {
  // scorm-again's methods are instance properties that use `this`.
  const LMSSetValue = api.LMSSetValue.bind(api);
  const LMSGetValue = api.LMSGetValue.bind(api);
  const LMSCommit = api.LMSCommit.bind(api);
  const LMSFinish = api.LMSFinish.bind(api);
  const ended = (): boolean => {
    if (!api.isTerminated()) return false;
    api.lastErrorCode = NOT_INITIALIZED;
    return true;
  };
  api.LMSSetValue = (element: string, value: unknown) => {
    if (ended()) return 'false';
    if (element === 'cmi.suspend_data' && String(value ?? '').length > SUSPEND_DATA_LIMIT) {
      api.lastErrorCode = INCORRECT_DATA_TYPE;
      return 'false';
    }
    return LMSSetValue(element, value);
  };
  api.LMSGetValue = (element: string) => (ended() ? '' : LMSGetValue(element));
  api.LMSCommit = (parameter?: string) => (ended() ? 'false' : LMSCommit(parameter));
  api.LMSFinish = (parameter?: string) => {
    if (ended()) return 'false';
    // Only when the SCO finishes: a session the LMS closes (the learner left) stays open to resume.
    if (api.isInitialized() && !lmsClosing()) statusAtFinish(api);
    return LMSFinish(parameter);
  };
}

/** The status of a SCO that set none: judged against the mastery score when it has a raw score, else completed. */
function statusAtFinish(api: Scorm12API): void {
  const core = api.cmi.core;
  // "not attempted" is the LMS's value (content cannot set it); browse mode is scorm-again's ("browsed").
  if ((core.lesson_status && core.lesson_status !== 'not attempted') || core.lesson_mode === 'browse') return;
  const raw = Number.parseFloat(core.score.raw);
  const mastery = Number.parseFloat(api.cmi.student_data.mastery_score);
  const judged = core.credit === 'credit' && core.lesson_mode === 'normal' && !Number.isNaN(raw) && !Number.isNaN(mastery);
  core.lesson_status = judged ? (raw >= mastery ? 'passed' : 'failed') : 'completed';
}
