/** Zips the demo's SCORM package folder (written for the project) into demo/scorm/allergen-check.zip, as a learner would get it. */
import { writeFileSync } from 'node:fs';
import { zipFolder } from './zip-folder.mjs';

const folder = 'demo/scorm/allergen-check';
writeFileSync(`${folder}.zip`, zipFolder(folder, { mtime: new Date('2026-01-01T00:00:00Z') }));
