/** Removes build output so renamed or deleted modules never linger in a package's dist/. */
import { readdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
for (const name of readdirSync('packages')) rmSync(`packages/${name}/dist`, { recursive: true, force: true });
