import { expect } from '@open-wc/testing';
import { LmsError, assertSafeUrl, isSafeUrl, urlScheme, validateCourse } from '@lms-kit/core';
import { HOSTILE_URLS } from '../../../test/helpers/hostile-urls.js';

const SAFE_URLS = [
  'https://example.com/course/index.html',
  'http://example.com/a?b=c#d',
  'HTTPS://EXAMPLE.COM/',
  'index.html',
  'content/sco 1/index.html',
  './a/../b.html?x=javascript:alert(1)',
  '/absolute/path.mp4',
  '//cdn.example.com/video.mp4',
  '#top',
  '?page=2',
  'javascript-basics.html',
  'folder/javascript%3Aalert(1).html',
];

describe('URL policy', () => {
  it('refuses every script-running or non-http URL of the corpus, as the browser would read it', () => {
    const allowed = HOSTILE_URLS.filter((url) => isSafeUrl(url));
    expect(allowed).to.deep.equal([]);
  });

  it('reads the scheme the browser will use, not the text as written', () => {
    expect(urlScheme('java\tscript:alert(1)')).to.equal('javascript:');
    expect(urlScheme('\x01javascript:alert(1)')).to.equal('javascript:');
    expect(urlScheme('java\nscript:alert(1)')).to.equal('javascript:');
    expect(urlScheme(' DATA:text/html,x')).to.equal('data:');
    expect(urlScheme('lesson.html')).to.equal('relative');
    expect(urlScheme('//cdn.example.com/x')).to.equal('relative');
    // Each scheme found agrees with what Chromium itself resolves the text to.
    for (const url of HOSTILE_URLS) {
      const anchor = document.createElement('a');
      anchor.href = url;
      expect(urlScheme(url), JSON.stringify(url)).to.equal(anchor.protocol === ':' ? undefined : anchor.protocol);
    }
  });

  it('allows http(s) and relative URLs, and blob: only when asked', () => {
    expect(SAFE_URLS.filter((url) => !isSafeUrl(url))).to.deep.equal([]);
    expect(isSafeUrl('blob:https://example.com/5b1c-ae')).to.equal(false);
    expect(isSafeUrl('blob:https://example.com/5b1c-ae', { allowBlob: true })).to.equal(true);
  });

  it('throws a typed error that shows control characters instead of hiding them', () => {
    let error: unknown;
    try {
      assertSafeUrl('java\tscript:alert(1)', 'imsmanifest.xml resources[0].href');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(LmsError);
    expect((error as LmsError).code).to.equal('url/unsafe');
    expect((error as LmsError).message).to.contain('java\\x09script:');
  });

  it('is what the course validator applies to every URL field', () => {
    for (const src of HOSTILE_URLS.filter((url) => !url.startsWith('blob:'))) {
      const issues = validateCourse({
        schema: 1,
        id: 'c',
        title: 'C',
        modules: [{ id: 'm', title: 'M', lessons: [{ id: 'v', kind: 'video', title: 'V', src }] }],
      });
      expect(
        issues.map((issue) => issue.path),
        JSON.stringify(src),
      ).to.deep.equal(['modules[0].lessons[0].src']);
    }
  });
});
