import { LmsError } from '@lms-kit/core';

export type PackageKind = 'scorm' | 'cmi5';

/**
 * Whether a course URL is a package rather than course JSON, and which standard: `imsmanifest.xml`
 * is SCORM, any other `.xml` is a cmi5 course structure, and a `.zip` is whichever manifest it holds
 * at its root.
 */
export async function packageKind(url: string, signal?: AbortSignal): Promise<PackageKind | undefined> {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('imsmanifest.xml')) return 'scorm';
  if (path.endsWith('.xml')) return 'cmi5';
  if (path.endsWith('.zip')) return zipKind(url, signal);
  return undefined;
}

/**
 * Reads the end of the zip, where its central directory lists every file name (a server that ignores
 * the Range header sends the whole file, which works too), and looks for a root manifest.
 */
async function zipKind(url: string, signal?: AbortSignal): Promise<PackageKind> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal, headers: { Range: 'bytes=-65536' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LmsError('course/load-failed', `Could not download the package ${url}: ${(error as Error).message}`, { cause: error });
  }
  const names = new TextDecoder('latin1').decode(bytes);
  // In the central directory a name follows its fixed 46-byte header; a root file's name has no "/".
  const atRoot = (name: string) => new RegExp(`(^|[^/\\w.-])${name.replace('.', '\\.')}`, 'i').test(names);
  if (atRoot('cmi5.xml')) return 'cmi5';
  if (atRoot('imsmanifest.xml')) return 'scorm';
  throw new LmsError('package/invalid', `${url} is not a SCORM or cmi5 package: it has no imsmanifest.xml or cmi5.xml.`);
}
