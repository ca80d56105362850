/**
 * Zips as an attacker or a careless export makes them: many small entries, the same path twice,
 * entity expansion in the manifest, and package ids two URLs could be made to share.
 */
import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { ensurePackage, getPackage, importScormPackage, legacyPackageIdFor, listPackageFiles, packageIdFor } from '@lms-kit/scorm';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import { clearPackageDatabase, makeZip, manifest12, packageDatabaseContents } from './support.js';

const goodManifest = manifest12(
  `<item identifier="a" identifierref="r"><title>A</title></item>`,
  `<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>`,
);

async function importFailure(
  source: File | string,
  options?: Parameters<typeof importScormPackage>[1],
): Promise<{ code: string; message: string }> {
  try {
    await importScormPackage(source, options);
  } catch (error) {
    if (isLmsError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** A zip built entry by entry (stored, not deflated), so the same path can appear twice. */
function zipOf(entries: Array<[string, string]>): File {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, text] of entries) {
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(strToU8(text), true);
  }
  zip.end();
  return new File(chunks as BlobPart[], 'package.zip', { type: 'application/zip' });
}

describe('zip safety', function () {
  this.timeout(60_000);
  beforeEach(clearPackageDatabase);
  after(clearPackageDatabase);

  it('imports a package of 3,000 small entries', async () => {
    const entries: Record<string, string> = { 'imsmanifest.xml': goodManifest, 'index.html': '<p>hi</p>' };
    for (let i = 0; i < 3000; i++) entries[`assets/part-${i}.txt`] = `part ${i}`;
    const stored = await importScormPackage(makeZip(entries));
    expect(stored.fileCount).to.equal(3002);
    expect(await listPackageFiles(stored.id)).to.have.length(3002);
  });

  it('enforces the documented entry limit (10 000) with package/too-large, keeping nothing', async () => {
    const entries: Record<string, string> = { 'imsmanifest.xml': goodManifest, 'index.html': '<p>hi</p>' };
    for (let i = 0; i < 10_000; i++) entries[`a/${i}`] = '';
    const started = performance.now();
    const failure = await importFailure(makeZip(entries, 'many.zip'));
    console.log(`10 002 entries refused in ${(performance.now() - started).toFixed(0)} ms`);
    expect(failure.code).to.equal('package/too-large');
    expect(failure.message).to.contain('10000 entries');
    expect(await packageDatabaseContents()).to.deep.equal({ packages: 0, files: 0 });
  });

  it('refuses a zip that has the same path twice (also once normalized), keeping nothing', async () => {
    const twice = zipOf([
      ['imsmanifest.xml', goodManifest],
      ['index.html', '<p>checked</p>'],
      ['imsmanifest.xml', goodManifest.replace('Test 1.2', 'Served instead')],
    ]);
    expect((await importFailure(twice)).code).to.equal('package/duplicate-entry');
    const normalized = zipOf([
      ['imsmanifest.xml', goodManifest],
      ['content/index.html', '<p>one</p>'],
      ['content//index.html', '<p>other</p>'],
    ]);
    expect((await importFailure(normalized)).code).to.equal('package/duplicate-entry');
    expect(await packageDatabaseContents()).to.deep.equal({ packages: 0, files: 0 });
  });

  it('refuses an entity-expansion manifest before parsing it, fast', async () => {
    const laughs = [`<!ENTITY lol "lol">`];
    for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = goodManifest
      .replace('<?xml version="1.0"?>', `<?xml version="1.0"?>\n<!DOCTYPE manifest [\n${laughs.join('\n')}\n]>`)
      .replace('Test 1.2', '&lol9;');
    const started = performance.now();
    const failure = await importFailure(makeZip({ 'imsmanifest.xml': bomb, 'index.html': '<p>hi</p>' }));
    const elapsed = performance.now() - started;
    console.log(`entity-expansion manifest refused in ${elapsed.toFixed(0)} ms`);
    expect(failure.code).to.equal('package/invalid-manifest');
    expect(failure.message).to.contain('DTD');
    expect(elapsed).to.be.below(1000);
    // An external entity is refused the same way.
    const external = goodManifest.replace(
      '<?xml version="1.0"?>',
      '<?xml version="1.0"?>\n<!DOCTYPE manifest SYSTEM "https://attacker.example/x.dtd">',
    );
    expect((await importFailure(makeZip({ 'imsmanifest.xml': external, 'index.html': '<p>hi</p>' }))).code).to.equal(
      'package/invalid-manifest',
    );
  });

  it('gives two files of the same name and size different ids (the hash of their bytes)', async () => {
    const first = await importScormPackage(makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': '<p>AAAA</p>' }, 'course.zip'));
    const second = await importScormPackage(makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': '<p>BBBB</p>' }, 'course.zip'));
    expect(first.id).to.not.equal(second.id);
    expect(first.id).to.match(/^course-[0-9a-f]{64}$/);
    expect(await packageDatabaseContents()).to.deep.include({ packages: 2 });
  });

  it('keeps apart two packages whose URLs had the same 32-bit id (a collision an attacker can find in seconds)', async () => {
    const url = (folder: string, nonce: number) => `${location.origin}/__zip/~${nonce}/test/scorm/collide/${folder}/course.zip`;
    // Birthday search over the old FNV-1a 32 ids of both packages' URLs.
    const seen = new Map<string, number>();
    for (let i = 0; i < 1 << 17; i++) seen.set(legacyPackageIdFor(url('a', i)), i);
    let pair: [string, string] | undefined;
    for (let j = 0; !pair && j < 1 << 20; j++) {
      const i = seen.get(legacyPackageIdFor(url('b', j)));
      if (i !== undefined) pair = [url('a', i), url('b', j)];
    }
    if (!pair) throw new Error('no collision found');
    const [a, b] = pair;
    expect(legacyPackageIdFor(a)).to.equal(legacyPackageIdFor(b));
    expect(packageIdFor(a)).to.not.equal(packageIdFor(b));
    const storedA = await ensurePackage(a);
    const storedB = await ensurePackage(b);
    expect(storedA.id).to.not.equal(storedB.id);
    expect((await getPackage(storedA.id))?.manifest.identifier).to.equal('lms-kit.test.collide-a');
    expect((await getPackage(storedB.id))?.manifest.identifier).to.equal('lms-kit.test.collide-b');
  });

  it('replaces a copy stored under the old id of the same URL by the one under its SHA-256 id', async () => {
    const href = `${location.origin}/__zip/test/scorm/collide/a/course.zip`;
    const old = await importScormPackage(href, { id: legacyPackageIdFor(href) });
    const current = await ensurePackage(href);
    expect(current.id).to.equal(packageIdFor(href));
    expect(await getPackage(old.id)).to.equal(undefined);
    expect(await packageDatabaseContents()).to.deep.include({ packages: 1 });
  });
});
