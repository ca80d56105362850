import type { Verb } from './model.js';

const adl = (name: string): Verb => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });

/** ADL verbs (http://adlnet.gov/expapi/verbs/…). */
export const Verbs = {
  launched: adl('launched'),
  initialized: adl('initialized'),
  experienced: adl('experienced'),
  progressed: adl('progressed'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  answered: adl('answered'),
  attempted: adl('attempted'),
  terminated: adl('terminated'),
  suspended: adl('suspended'),
  resumed: adl('resumed'),
  scored: adl('scored'),
  satisfied: { id: 'https://w3id.org/xapi/adl/verbs/satisfied', display: { 'en-US': 'satisfied' } },
  abandoned: { id: 'https://w3id.org/xapi/adl/verbs/abandoned', display: { 'en-US': 'abandoned' } },
  waived: { id: 'https://w3id.org/xapi/adl/verbs/waived', display: { 'en-US': 'waived' } },
} satisfies Record<string, Verb>;

export const ActivityTypes = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  document: 'http://id.tincanapi.com/activitytype/document',
} as const;

export const Extensions = {
  /** cmi5 progress extension: whole percent 0..100. */
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
} as const;

export const PLATFORM = 'LMS Kit';
