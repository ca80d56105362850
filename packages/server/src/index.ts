export { createApp, ALL_ROUTES, type AppOptions } from './app.js';
export { startServer, type ServerOptions, type RunningServer } from './server.js';
export { openDb, type Db, type DbOptions, type Queryable } from './db.js';
export { migrate } from './migrate.js';
export { createVerifier, type AuthOptions, type Identity, type Role } from './auth.js';
export { openApiDocument } from './openapi.js';
export { runReminders, runAllReminders, scheduleReminders, type ReminderDelivery, type ReminderRunResult } from './reminders.js';
