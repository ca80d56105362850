/**
 * A page for import tests in a tab of its own (for a real storage quota): `window.importBig(mib)` imports a
 * package carrying that many MiB of incompressible media and resolves to the error code, if any;
 * `window.packageCounts()` says what the package database holds.
 */
import { importScormPackage, listPackages, openPackageDatabase } from '@lms-kit/scorm';
import { strToU8, zipSync } from 'fflate';

const manifest = `<?xml version="1.0"?>
<manifest identifier="big" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Big</title><item identifier="i" identifierref="r"><title>Big</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>
</manifest>`;

async function importBig(mib: number): Promise<string> {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    'imsmanifest.xml': strToU8(manifest),
    'index.html': strToU8('<p>big</p>'),
  };
  for (let i = 0; i < mib; i++) {
    const bytes = new Uint8Array(1024 * 1024);
    for (let offset = 0; offset < bytes.length; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
    files[`media/${i}.bin`] = [bytes, { level: 0 }];
  }
  try {
    await importScormPackage(new File([zipSync(files) as BlobPart], 'big.zip'));
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function packageCounts(): Promise<{ packages: number; files: number }> {
  const db = await openPackageDatabase();
  const files = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('files').objectStore('files').count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return { packages: (await listPackages()).length, files };
}

Object.assign(window, { importBig, packageCounts });
