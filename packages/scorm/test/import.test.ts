import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { getPackage, importScormPackage, listPackageFiles } from '@lms-kit/scorm';
import { zipSync } from 'fflate';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { FIXTURES, clearPackageDatabase, makeZip, manifest12, packageDatabaseContents } from './support.js';
import { skipWithoutFixtures } from '../../../test/helpers/fixtures.js';

const goodManifest = manifest12(
  `<item identifier="a" identifierref="r"><title>A</title></item>`,
  `<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>`,
);

async function importError(source: File | string): Promise<string> {
  try {
    await importScormPackage(source);
  } catch (error) {
    if (isLmsError(error)) return error.code;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('importScormPackage', () => {
  beforeEach(clearPackageDatabase);
  after(clearPackageDatabase);

  it('imports a zip from a URL, streaming, and keeps every file with its MIME type', async function () {
    await skipWithoutFixtures(this);
    const stored = await importScormPackage(`${FIXTURES}/scorm12/RuntimeBasicCalls_SCORM12.zip`);
    expect(stored.manifest.version).to.equal('1.2');
    expect(stored.fileCount).to.be.above(30);
    const files = await listPackageFiles(stored.id);
    expect(files).to.include('shared/launchpage.html');
    expect(files).to.include('imsmanifest.xml');
    expect((await getPackage(stored.id))?.manifest.title).to.equal('Golf Explained - Run-time Basic Calls');
  });

  it('imports a File from an input, and a package zipped with its folder around it', async () => {
    const stored = await importScormPackage(makeZip({ 'course/imsmanifest.xml': goodManifest, 'course/index.html': '<p>hi</p>' }));
    expect(await listPackageFiles(stored.id)).to.have.members(['imsmanifest.xml', 'index.html']);
  });

  it('replaces an earlier import of the same package in one go', async () => {
    const first = await importScormPackage(makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': 'v1', 'old.js': '' }), { id: 'same' });
    const second = await importScormPackage(makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': 'v2' }), { id: 'same' });
    expect(first.id).to.equal(second.id);
    expect(await listPackageFiles('same')).to.have.members(['imsmanifest.xml', 'index.html']);
  });

  const cases: Array<[string, () => File | string, string]> = [
    ['not a zip', () => new File(['<html>not a zip</html>'], 'course.zip'), 'package/not-a-zip'],
    ['an empty file', () => new File([], 'course.zip'), 'package/not-a-zip'],
    ['a zip without imsmanifest.xml', () => makeZip({ 'index.html': 'hello' }), 'package/no-manifest'],
    ['invalid XML', () => makeZip({ 'imsmanifest.xml': '<manifest><organizations>', 'index.html': '' }), 'package/invalid-manifest'],
    ['a launch file missing from the zip', () => makeZip({ 'imsmanifest.xml': goodManifest }), 'package/missing-file'],
    [
      'zip-slip: an entry with ../',
      () => makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': '', '../../evil.js': 'x' }),
      'package/unsafe-path',
    ],
    [
      'zip-slip: an absolute path',
      () => makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': '', '/etc/evil.js': 'x' }),
      'package/unsafe-path',
    ],
    [
      'a zip bomb (20 MiB of zeros in a few KiB)',
      () =>
        new File(
          [
            zipSync({
              'imsmanifest.xml': new TextEncoder().encode(goodManifest),
              'index.html': new Uint8Array(20 * 1024 * 1024),
            }) as BlobPart,
          ],
          'bomb.zip',
        ),
      'package/too-large',
    ],
    ['a download that fails', () => '/__shared/fixtures/scorm12/does-not-exist.zip', 'package/download-failed'],
  ];
  for (const [name, source, code] of cases) {
    it(`refuses ${name} with ${code} and leaves the database empty`, async () => {
      expect(await importError(source())).to.equal(code);
      expect(await packageDatabaseContents()).to.deep.equal({ packages: 0, files: 0 });
    });
  }

  it('refuses a package the browser has no room for with storage/quota-exceeded, keeping nothing', async function () {
    this.timeout(60_000);
    const tab = await openTab('/test/pages/scorm-import.html', { isolated: true, quotaSize: 3 * 1024 * 1024 });
    try {
      await waitInTab(tab, 'typeof window.importBig === "function"');
      expect(await evalInTab(tab, 'window.importBig(8)')).to.equal('storage/quota-exceeded');
      expect(await evalInTab(tab, 'window.packageCounts()')).to.deep.equal({ packages: 0, files: 0 });
    } finally {
      await closeTab(tab);
    }
  });

  it('caps the total unzipped size', async () => {
    const zip = makeZip({ 'imsmanifest.xml': goodManifest, 'index.html': 'x'.repeat(4096) });
    try {
      await importScormPackage(zip, { limits: { maxTotalBytes: 2048 } });
      expect.fail('should have failed');
    } catch (error) {
      expect((error as { code: string }).code).to.equal('package/too-large');
    }
    expect(await packageDatabaseContents()).to.deep.equal({ packages: 0, files: 0 });
  });
});
