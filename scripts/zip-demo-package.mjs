/** Zips the demo's SCORM package folder (written for the project) into demo/scorm/allergen-check.zip, as a learner would get it. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const folder = 'demo/scorm/allergen-check';
const files = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else files[relative(folder, full).split(sep).join('/')] = readFileSync(full);
  }
};
walk(folder);
writeFileSync(`${folder}.zip`, zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') }));
