import { scormMessages } from '../i18n/messages-en-scorm.js';
import { registerMessages } from '../i18n/localize.js';

// The outline's sequencing lock reasons are worded in the SCORM strings, which load with the rules.
registerMessages('en', scormMessages);

export { createCourseRules } from '@lms-kit/runtime/package';
