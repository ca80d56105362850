/**
 * Validates a manifest against the official ADL XML schemas with libxml2's `xmllint`. The schemas are
 * not on npm: they travel inside the ADL example packages in the third-party fixtures (SCORM 1.2 and
 * SCORM 2004 3rd edition; the 4th edition's own XSDs are not among them, and a plain one-SCO manifest
 * uses nothing the 4th edition changed). Command `xsd:validate` { xml, standard: 'scorm12' | 'scorm2004' }
 * answers { valid, output } or { skipped } when xmllint or the fixtures are missing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fixturesDir, fixturesFound } from './fixtures.mjs';

const SCHEMAS = {
  scorm12: {
    zip: 'scorm12/ContentPackagingSingleSCO_SCORM12.zip',
    imports: {
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    },
  },
  scorm2004: {
    zip: 'scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition.zip',
    imports: {
      'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
    },
  },
};
const folders = new Map();

/** The schemas of a standard unzipped once per run, with one schema importing every namespace. */
function schemaFor(standard) {
  if (folders.has(standard)) return folders.get(standard);
  const { zip, imports } = SCHEMAS[standard];
  const folder = mkdtempSync(join(tmpdir(), `lms-kit-xsd-${standard}-`));
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(join(fixturesDir(), zip))))) {
    if (!/\.(xsd|dtd)$/.test(path)) continue;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  const lines = Object.entries(imports).map(([namespace, file]) => `<xs:import namespace="${namespace}" schemaLocation="${file}"/>`);
  writeFileSync(
    join(folder, 'all.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:lms-kit:all">${lines.join('')}</xs:schema>`,
  );
  folders.set(standard, join(folder, 'all.xsd'));
  return join(folder, 'all.xsd');
}

export function xsdPlugin() {
  return {
    name: 'lms-kit-xsd',
    async executeCommand({ command, payload }) {
      if (command !== 'xsd:validate') return undefined;
      if (!fixturesFound()) return { skipped: 'the third-party fixtures (which hold the ADL schemas) are not there' };
      const schema = schemaFor(payload.standard);
      return new Promise((resolve) => {
        const child = execFile('xmllint', ['--noout', '--schema', schema, '-'], (error, _stdout, stderr) => {
          if (error?.code === 'ENOENT') resolve({ skipped: 'xmllint (Debian package libxml2-utils) is not installed' });
          // Only the verdict lines: the ADL ims_xml.xsd redeclares the xml namespace, which libxml2 warns about.
          else
            resolve({
              valid: !error,
              output: stderr
                .split('\n')
                .filter((line) => /validity error|fails to validate|parser error/.test(line))
                .join('\n'),
            });
        });
        child.stdin.end(payload.xml);
      });
    },
  };
}
