/**
 * Writes `integrations/wordpress/lms-kit/openapi.json`: `@lms-kit/server`'s OpenAPI document as the
 * server serves it. The plugin serves it filtered to the operations it registers
 * (`includes/rest/class-openapi.php`); test/wordpress/protocol.test.ts fails when the file and the
 * server's document differ, so run this after changing the server's routes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildServer } from './build-server.mjs';

const OUT = fileURLToPath(new URL('../integrations/wordpress/lms-kit/openapi.json', import.meta.url));

await buildServer();
const { openApiDocument, ALL_ROUTES } = await import('../packages/server/dist/index.js');
const options = { ...(await resolveConfig(OUT)), filepath: OUT };
writeFileSync(OUT, await format(JSON.stringify(openApiDocument(ALL_ROUTES)), options));
console.log(`wrote ${OUT}`);
