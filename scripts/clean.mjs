/** Removes build output, and the incremental build info that would otherwise claim it is still there. */
import { readdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
rmSync('packages/elements/cdn', { recursive: true, force: true });
rmSync('packages/elements/types', { recursive: true, force: true });
rmSync('.tsbuild', { recursive: true, force: true });
for (const name of readdirSync('packages')) {
  rmSync(`packages/${name}/dist`, { recursive: true, force: true });
  rmSync(`packages/${name}/tsconfig.tsbuildinfo`, { force: true });
}
