import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { Cmi5Collections, importCmi5Course, parseCourseStructure } from '@lms-kit/xapi/cmi5';
import { zipSync, strToU8 } from 'fflate';
import { courseXml } from './cmi5-support.js';

const contentRoot = `${location.origin}/lms-kit/cmi5/test/content/`;

async function importZip(storage: MemoryAdapter, files: Record<string, string>) {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  try {
    return await importCmi5Course(storage, url, { contentRoot });
  } finally {
    URL.revokeObjectURL(url);
  }
}

describe('cmi5 package import', () => {
  it('stores the files of a zip for the service worker, resolving relative AU URLs against them', async () => {
    const storage = new MemoryAdapter();
    const xml = courseXml([{ moveOn: 'Completed' }]).replace('https://content.example/au/0/index.html?lang=en', 'au/start.html');
    const course = await importZip(storage, { 'cmi5.xml': xml, 'au/start.html': '<p>AU</p>', 'au/app.js': 'void 0;' });
    expect(course.contentBase).to.equal(`${contentRoot}${course.id}/`);
    const files = await storage.listRecords(Cmi5Collections.files, { courseId: course.id });
    expect(files.map((file) => file.path).sort()).to.deep.equal(['au/app.js', 'au/start.html', 'cmi5.xml']);
    expect(files.find((file) => file.path === 'au/app.js')?.type).to.equal('text/javascript');
    // The same package again: nothing rewritten.
    await storage.deleteRecord(Cmi5Collections.files, `${course.id}/au/app.js`);
    await importZip(storage, { 'cmi5.xml': xml, 'au/start.html': '<p>AU</p>', 'au/app.js': 'void 0;' });
    expect(await storage.listRecords(Cmi5Collections.files, { courseId: course.id })).to.have.length(2);
  });

  it('refuses a zip without cmi5.xml at its root, and a file that is neither a zip nor cmi5 XML', async () => {
    const storage = new MemoryAdapter();
    let error: unknown;
    try {
      await importZip(storage, { 'course/cmi5.xml': courseXml([{}]) });
    } catch (caught) {
      error = caught;
    }
    expect(isLmsError(error, 'cmi5/invalid-package')).to.equal(true);
    expect((error as Error).message).to.contain('no cmi5.xml at its root');
    const url = URL.createObjectURL(new Blob(['{"schema": 1}'], { type: 'application/json' }));
    error = undefined;
    try {
      await importCmi5Course(storage, url, { contentRoot });
    } catch (caught) {
      error = caught;
    }
    expect(isLmsError(error, 'cmi5/invalid-course')).to.equal(true);
  });

  it('refuses a zip whose AU URL names a file the zip does not have', async () => {
    const xml = courseXml([{}]).replace('https://content.example/au/0/index.html?lang=en', 'au/not-found.html');
    let error: unknown;
    try {
      await importZip(new MemoryAdapter(), { 'cmi5.xml': xml, 'au/index.html': '<p>AU</p>' });
    } catch (caught) {
      error = caught;
    }
    expect(isLmsError(error, 'cmi5/invalid-package')).to.equal(true);
    expect((error as Error).message).to.contain('au/not-found.html');
  });

  it('refuses AU URLs that are not URLs or already carry a launch parameter, and elements out of the schema order', () => {
    const refused = (xml: string, path: string) => {
      let error: unknown;
      try {
        parseCourseStructure(xml);
      } catch (caught) {
        error = caught;
      }
      expect(isLmsError(error, 'cmi5/invalid-course'), path).to.equal(true);
      expect((error as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).to.include(path);
    };
    const url = 'https://content.example/au/0/index.html?lang=en';
    refused(courseXml([{}]).replace(url, 'http://example.com index.html'), 'courseStructure.block[0].au[0].url');
    refused(courseXml([{}]).replace(url, 'index.html?endpoint=http://example.org/lrs'), 'courseStructure.block[0].au[0].url');
    const urlFirst = courseXml([{}]).replace(/(<au [^>]*>)([\s\S]*?)(<url>[^<]*<\/url>)/, '$1$3$2');
    expect(urlFirst).to.match(/<au [^>]*>\s*<url>/);
    refused(urlFirst, 'courseStructure.block[0].au[0]');
    expect(() => parseCourseStructure(courseXml([{}]))).not.to.throw();
  });
});
