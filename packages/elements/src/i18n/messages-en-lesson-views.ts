/** English strings of the lesson views; they load with the views, not with the page. */
export const lessonViewMessages = {
  'video.failed': 'The video could not be played.',
  'video.download': 'Download the video',
  'video.watched': '{percent} watched',
  'document.open': 'Open the document',
  'document.opensNewTab': '(opens in a new tab)',
  'document.inlineFallback': 'Your browser cannot show this document here.',
  'embed.waiting': 'Complete the activity in the frame to continue.',
} as const;
