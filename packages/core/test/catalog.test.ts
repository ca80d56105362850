import { expect } from '@open-wc/testing';
import { LmsError, parseCatalog, validateCatalog } from '@lms-kit/core';

const messages = (input: unknown) => validateCatalog(input).map((issue) => `${issue.path}: ${issue.message}`);

describe('validateCatalog', () => {
  it('accepts the demo catalog', async () => {
    const demo = await (await fetch('/demo/catalog.json')).json();
    expect(validateCatalog(demo)).to.deep.equal([]);
    expect(parseCatalog(demo).courses.length).to.be.greaterThan(5);
  });

  it('reports every problem with its path, never throwing on junk', () => {
    const junk = {
      schema: 1,
      newDays: -1,
      courses: [
        { id: 'a', title: 'A', prerequisites: ['a', 'nowhere'], language: 'english please', url: 'javascript:alert(1)' },
        { id: 'a', title: 'Again', durationMinutes: 'long', publishedAt: 'yesterday', enrollment: { assigned: 'yes' } },
        null,
        { title: 'No id' },
      ],
    };
    expect(messages(junk)).to.deep.equal([
      'newDays: must be at least 0',
      'courses[0].url: must be an http(s) or relative URL, not a script URL',
      'courses[0].language: must be a BCP 47 language tag such as "en" or "pt-BR"',
      'courses[0].prerequisites: a course cannot be its own prerequisite',
      'courses[1].durationMinutes: must be a number, got a string',
      'courses[1].publishedAt: must be an ISO 8601 date',
      'courses[1].enrollment.assigned: must be true or false, got a string',
      'courses[1].id: same id as courses[0]',
      'courses[2]: must be an object, got null',
      'courses[3].id: required',
      'courses[0].prerequisites: no course "nowhere" in the catalog',
    ]);
    expect(messages({ schema: 2, courses: [] })).to.deep.equal(['schema: unsupported schema version 2 (this version of LMS Kit reads 1)']);
    expect(messages('catalog')).to.deep.equal([': a catalog must be a JSON object, got a string']);
  });

  it('parseCatalog throws a typed error listing the issues', () => {
    try {
      parseCatalog({ schema: 1, courses: [{ id: 'x' }] });
      expect.fail('no error');
    } catch (error) {
      expect(error).to.be.instanceOf(LmsError);
      expect((error as LmsError).code).to.equal('catalog/invalid');
      expect((error as LmsError).issues).to.deep.equal([{ path: 'courses[0].title', message: 'required' }]);
    }
  });
});
