import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { importCmi5Course } from '@lms-kit/xapi/cmi5';
import { Zip, ZipPassThrough, zipSync, strToU8 } from 'fflate';
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

  it('refuses a cmi5.xml with a DTD or entities before parsing it, fast', async () => {
    const laughs = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = courseXml([{}])
      .replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE courseStructure [${laughs.join('')}]>`,
      )
      .replace('Facade test course', '&lol9;');
    const started = performance.now();
    const error = await importBytes(new MemoryAdapter(), zipSync({ 'cmi5.xml': strToU8(xml) }), 'application/zip');
    expect(isLmsError(error, 'cmi5/invalid-course'), String(error)).to.equal(true);
    expect((error as Error).message).to.contain('DTD');
    expect(performance.now() - started).to.be.below(1000);
  });

  it('refuses a zip with the same path twice', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const xml = courseXml([{}]).replace('https://content.example/au/0/index.html?lang=en', 'index.html');
    for (const [path, text] of [
      ['cmi5.xml', xml],
      ['index.html', '<p>checked</p>'],
      ['index.html', '<p>served instead</p>'],
    ]) {
      const file = new ZipPassThrough(path);
      zip.add(file);
      file.push(strToU8(text), true);
    }
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    const error = await importBytes(new MemoryAdapter(), bytes, 'application/zip');
    expect(isLmsError(error, 'cmi5/invalid-package'), String(error)).to.equal(true);
    expect((error as Error).message).to.contain('more than once');
  });
});
