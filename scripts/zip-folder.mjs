import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

/** The files under `folder`, zipped with paths relative to it (as a course package is delivered). */
export function zipFolder(folder, options = {}) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(folder, full).split(sep).join('/')] = readFileSync(full);
    }
  };
  walk(folder);
  return zipSync(files, options);
}
