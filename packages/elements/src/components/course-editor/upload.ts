import { LmsError } from '@lms-kit/core';

/**
 * Uploads a file with the page's own `upload` function, else PUTs it to `<uploadUrl><name>` (a
 * WebDAV folder, a storage bucket's signed prefix) and returns that URL.
 */
export async function uploadFile(file: File, upload?: (file: File) => Promise<string>, uploadUrl?: string): Promise<string> {
  if (upload) return upload(file);
  if (!uploadUrl) throw new LmsError('editor/upload-failed', 'This editor has no place to upload files (set upload-url or upload).');
  const url = new URL(`${Date.now().toString(36)}-${encodeURIComponent(file.name)}`, new URL(uploadUrl, document.baseURI)).href;
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } });
  } catch (cause) {
    throw new LmsError('editor/upload-failed', `${file.name} could not be sent: the network failed.`, { cause });
  }
  if (!response.ok) throw new LmsError('editor/upload-failed', `${file.name} was refused (HTTP ${response.status}).`);
  return url;
}
