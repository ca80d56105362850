/** English strings of the SCORM lesson view; they load with it. */
export const scormMessages = {
  'scorm.loading': 'Opening the package…',
  'scorm.items': 'Parts of this lesson',
  'scorm.frameTitle': '{title} (course content)',
  'scorm.offline': 'This lesson needs files from the internet ({host}) that could not be loaded. Check your connection, then try again.',
  'scorm.failed': 'This package cannot be played: {message}',
  'scorm.left': 'You have left “{title}”. Your place is saved.',
  'scorm.reopen': 'Open it again',
  'scorm.blocked': '“{title}” is not available yet: this course sets the order of its activities.',
  'scorm.goToAllowed': 'Go to the current activity',
} as const;
