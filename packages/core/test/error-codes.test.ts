import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LMS_ERROR_CODES, LmsError } from '@lms-kit/core';

/** Every code written in the packages' sources (read from disk by the test server), with its file. */
const sourceCodes = () => executeServerCommand<Array<{ file: string; code: string }>, undefined>('lms:error-codes');

describe('LmsErrorCode', () => {
  it('lists every code the packages throw', async () => {
    const listed = new Set<string>(LMS_ERROR_CODES);
    const found = (await sourceCodes()) ?? [];
    expect(found.length).to.be.greaterThan(50);
    const missing = found.filter(({ code }) => !listed.has(code)).map(({ file, code }) => `${code} (${file})`);
    expect(missing, 'codes thrown but missing from LMS_ERROR_CODES').to.deep.equal([]);
  });

  it('lists no code that nothing throws', async () => {
    const thrown = new Set((await sourceCodes())?.map(({ code }) => code));
    expect(LMS_ERROR_CODES.filter((code) => !thrown.has(code))).to.deep.equal([]);
  });

  it('is namespaced and unique', () => {
    expect(new Set(LMS_ERROR_CODES).size).to.equal(LMS_ERROR_CODES.length);
    for (const code of LMS_ERROR_CODES) expect(code).to.match(/^[a-z][a-z0-9]*\/[a-z][a-z0-9-]*$/);
  });

  it('does not accept a code outside the list', () => {
    // @ts-expect-error a typo in a code does not compile
    const error = new LmsError('storage/quota-exeeded', 'typo');
    expect(error.code).to.equal('storage/quota-exeeded');
  });
});
