import { strToU8, zipSync, type Zippable } from 'fflate';
import { PACKAGE_DATABASE, closePackageDatabase, listPackages, openPackageDatabase } from '@lms-kit/scorm';

export const FIXTURES = '/__shared/fixtures';

/** Every third-party package the project must play, with what the fixtures README says of it. */
export const FIXTURE_PACKAGES = [
  { file: 'scorm12/ContentPackagingSingleSCO_SCORM12.zip', version: '1.2', launchable: 1, runtime: false },
  { file: 'scorm12/ContentPackagingOneFilePerSCO_SCORM12.zip', version: '1.2', launchable: 18, runtime: false },
  { file: 'scorm12/RuntimeBasicCalls_SCORM12.zip', version: '1.2', launchable: 1, runtime: true },
  { file: 'scorm2004/ContentPackagingSingleSCO_SCORM20042ndEdition.zip', version: '2004', launchable: 1, runtime: false },
  { file: 'scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition.zip', version: '2004', launchable: 1, runtime: false },
  { file: 'scorm2004/ContentPackagingMetadata_SCORM20043rdEdition.zip', version: '2004', launchable: 1, runtime: false },
  { file: 'scorm2004/ContentPackagingOneFilePerSCO_SCORM20043rdEdition.zip', version: '2004', launchable: 18, runtime: false },
  { file: 'scorm2004/RuntimeBasicCalls_SCORM20043rdEdition.zip', version: '2004', launchable: 1, runtime: true },
  { file: 'scorm2004/RunTimeAdvancedCalls_SCORM20043rdEdition.zip', version: '2004', launchable: 1, runtime: true },
] as const;

/** A zip made in the browser, as a File. Values are file contents (strings or bytes). */
export function makeZip(entries: Record<string, string | Uint8Array>, name = 'package.zip'): File {
  const zippable: Zippable = {};
  for (const [path, content] of Object.entries(entries)) zippable[path] = typeof content === 'string' ? strToU8(content) : content;
  return new File([zipSync(zippable) as BlobPart], name, { type: 'application/zip' });
}

export function manifest12(items: string, resources: string, extra = ''): string {
  return `<?xml version="1.0"?>
<manifest identifier="test.12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Test 1.2</title>${items}</organization></organizations>
  <resources>${resources}</resources>${extra}
</manifest>`;
}

export function manifest2004(organization: string, resources: string, edition = '2004 4th Edition', extra = ''): string {
  return `<?xml version="1.0"?>
<manifest identifier="test.2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${edition}</schemaversion></metadata>
  <organizations default="org">${organization}</organizations>
  <resources>${resources}</resources>${extra}
</manifest>`;
}

/** Everything in the package database, for "nothing half-written" checks. */
export async function packageDatabaseContents(): Promise<{ packages: number; files: number }> {
  const packages = await listPackages();
  const db = await openPackageDatabase();
  const files = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('files').objectStore('files').count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return { packages: packages.length, files };
}

export async function clearPackageDatabase(): Promise<void> {
  await closePackageDatabase();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(PACKAGE_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}

/** Prints a table in the test output (the runner shows the browser console). */
export function printTable(title: string, rows: Array<Record<string, string | number | boolean>>): void {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    [title, line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((row) => line(columns.map((c) => String(row[c]))))].join(
      '\n',
    ),
  );
}
