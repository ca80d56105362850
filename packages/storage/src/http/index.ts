export { HttpStorageAdapter, type HttpStorageAdapterOptions } from './http-adapter.js';
export { OfflineFirstStorage, type OfflineFirstOptions } from './offline-first.js';
export { ServerClient, type ServerClientOptions, type TokenSource } from './client.js';
export { ServerQuizClient } from './quiz-client.js';
export { LeaderboardClient } from './leaderboard-client.js';
export { AuthoringClient } from './authoring-client.js';
export { SessionsClient } from './sessions-client.js';
export { DiscussionClient } from './discussion-client.js';
