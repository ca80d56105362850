/** English strings of cmi5 lessons; they load with the first cmi5 course. */
export const cmi5Messages = {
  'cmi5.starting': 'Starting the activity…',
  'cmi5.openWindow': 'Open the activity in a new window',
  'cmi5.openedWindow': 'The activity is open in another window. Come back here when you have finished.',
  'cmi5.finished': 'You have left this activity.',
  'cmi5.launchAgain': 'Start again',
  'cmi5.satisfied': 'You have met the requirements of this activity.',
  'cmi5.launchFailed': 'The activity could not be started: {message}',
} as const;
