/**
 * Which standard a zip URL is, read from the zip's central directory as a web server that honours
 * `Range` serves it (the test server's uploads): not guessed from the file's last bytes.
 */
import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from 'fflate';
import { packageKind } from '../src/course/package-kind.js';

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  const url = `${location.origin}/__uploads/${Date.now()}-${name}`;
  const response = await fetch(url, { method: 'PUT', body: bytes as BlobPart });
  expect(response.status).to.equal(201);
  return url;
}

const manifest = '<?xml version="1.0"?><manifest identifier="m"><organizations/><resources/></manifest>';

describe('packageKind of a zip', () => {
  it('finds a SCORM manifest listed first in a central directory far larger than 64 KiB', async () => {
    const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': strToU8(manifest) };
    for (let i = 0; i < 3000; i++) entries[`assets/images/part-number-${i}.txt`] = strToU8(`${i}`);
    const url = await upload('big.zip', zipSync(entries));
    expect(await packageKind(url)).to.equal('scorm');
  });

  it('is not fooled by a file whose bytes mention cmi5.xml, nor by the zip comment', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const add = (file: ZipPassThrough | ZipDeflate, text: string) => {
      zip.add(file);
      file.push(strToU8(text), true);
    };
    add(new ZipDeflate('imsmanifest.xml'), manifest);
    add(new ZipPassThrough('readme.txt'), 'This course is also published as a cmi5 package; see its cmi5.xml for details.');
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    expect(await packageKind(await upload('notes.zip', bytes))).to.equal('scorm');
    const commented = zipSync({ 'imsmanifest.xml': strToU8(manifest) }, { comment: 'cmi5.xml' } as never);
    expect(await packageKind(await upload('commented.zip', commented))).to.equal('scorm');
  });

  it('tells cmi5 from SCORM, and refuses a zip with neither manifest or a file that is no zip', async () => {
    expect(
      await packageKind(await upload('au.zip', zipSync({ 'cmi5.xml': strToU8('<courseStructure/>'), 'index.html': strToU8('x') }))),
    ).to.equal('cmi5');
    expect(await packageKind(await upload('wrapped.zip', zipSync({ 'course/imsmanifest.xml': strToU8(manifest) })))).to.equal('scorm');
    for (const [name, bytes, code] of [
      ['neither.zip', zipSync({ 'index.html': strToU8('x'), 'docs/cmi5.xml': strToU8('x') }), 'package/invalid'],
      ['text.zip', strToU8('not a zip at all'), 'package/not-a-zip'],
    ] as const) {
      let error: unknown;
      try {
        await packageKind(await upload(name, bytes));
      } catch (caught) {
        error = caught;
      }
      expect(isLmsError(error, code), `${name}: ${String(error)}`).to.equal(true);
    }
  });
});
