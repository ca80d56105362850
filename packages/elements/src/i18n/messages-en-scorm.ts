/** English strings of the SCORM lesson view and of SCORM sequencing in the outline; they load with that code. */
export const scormMessages = {
  'scorm.loading': 'Opening the package…',
  'scorm.items': 'Parts of this lesson',
  'scorm.frameTitle': '{title} (course content)',
  'scorm.offline': 'This lesson needs files from the internet ({host}) that could not be loaded. Check your connection, then try again.',
  'scorm.failed': 'This package cannot be played: {message}',
  'scorm.left': 'You have left “{title}”. Your place is saved.',
  'scorm.reopen': 'Open it again',
  'scorm.retry': 'Try again',
  'scorm.notSaved':
    'What you did in “{title}” could not be saved yet ({message}). It is kept in this browser and saved as soon as storage works again.',
  'scorm.openElsewhere':
    '“{title}” is open in another tab or window. Close it there (or go to another activity) and it continues here, where you left off.',
  'scorm.blocked': '“{title}” is not open now. {reason}',
  'scorm.goToAllowed': 'Go to the current activity',
  'scorm.fullScreen': 'Full screen',
  'scorm.exitFullScreen': 'Exit full screen',
  'lock.sequencing.flow': 'This course takes you through its activities in order: use Next and Previous.',
  'lock.sequencing.order': 'This course sets the order of its activities: it does not open from where you are.',
  'lock.sequencing.backward': 'This course does not go back to earlier activities.',
  'lock.sequencing.rules': 'Not open now: this course opens it depending on your progress and results.',
  'lock.sequencing.attempts': 'You have used all the attempts this course allows for it.',
} as const;
