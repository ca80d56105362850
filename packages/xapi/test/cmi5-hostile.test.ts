import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { importCmi5Course } from '@lms-kit/xapi/cmi5';
import { zipSync, strToU8 } from 'fflate';
import { HOSTILE_URLS } from '../../../test/helpers/hostile-urls.js';
import { courseXml } from './cmi5-support.js';

const contentRoot = `${location.origin}/lms-kit/cmi5/test/content/`;

async function importBytes(storage: MemoryAdapter, bytes: Uint8Array, type: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  try {
    return await importCmi5Course(storage, url, { contentRoot });
  } catch (error) {
    return error;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const escapeXml = (text: string) =>
  text
    .replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`)
    .replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);

describe('cmi5 course structures from hostile sources', () => {
  it('refuses an AU <url> that is a script URL, in a zip or not', async () => {
    const accepted: string[] = [];
    for (const hostile of [...HOSTILE_URLS, 'javascript://%0Aalert(1)']) {
      // XML 1.0 cannot carry NUL or most control characters: those never reach the parser.
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(hostile)) continue;
      const xml = courseXml([{}]).replace('https://content.example/au/0/index.html?lang=en', escapeXml(hostile));
      const zip = zipSync({ 'cmi5.xml': strToU8(xml), 'index.html': strToU8('<p>AU</p>') });
      for (const error of [
        await importBytes(new MemoryAdapter(), strToU8(xml), 'application/xml'),
        await importBytes(new MemoryAdapter(), zip, 'application/zip'),
      ]) {
        if (!isLmsError(error, 'cmi5/invalid-course')) accepted.push(hostile);
      }
    }
    expect(accepted).to.deep.equal([]);
  });
});
