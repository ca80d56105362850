import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { registerLazyElement } from '@lms-kit/elements';

describe('registerLazyElement', () => {
  it('loads a tag’s module when the tag is already on the page, and when it is added later', async () => {
    const loaded: string[] = [];
    const define = (tag: string) => async () => {
      loaded.push(tag);
      customElements.define(tag, class extends HTMLElement {});
    };
    await fixture(html`<div><lms-test-present></lms-test-present></div>`);
    registerLazyElement('lms-test-present', define('lms-test-present'));
    registerLazyElement('lms-test-later', define('lms-test-later'));
    registerLazyElement('lms-test-absent', define('lms-test-absent'));
    await waitUntil(() => customElements.get('lms-test-present'));
    expect(loaded).to.deep.equal(['lms-test-present']);
    const later = document.createElement('section');
    later.innerHTML = '<p><lms-test-later></lms-test-later></p>';
    document.body.append(later);
    await waitUntil(() => customElements.get('lms-test-later'));
    expect(loaded).to.deep.equal(['lms-test-present', 'lms-test-later']);
    later.remove();
  });
});

describe('elements defined lazily', () => {
  // What a framework does when it renders `<lms-quiz .quiz=${quiz}>` before the module that defines
  // the tag has loaded: the value lands on the plain element and must survive its upgrade.
  it('keep properties set before they were defined', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const quiz = { id: 'q', title: 'Set early', questions: [] };
    const quizElement = document.createElement('lms-quiz') as HTMLElement & { quiz?: unknown };
    quizElement.quiz = quiz;
    const certificate = { id: 'c-1' };
    const certificateElement = document.createElement('lms-certificate') as HTMLElement & { certificate?: unknown };
    certificateElement.certificate = certificate;
    const signers = [{ id: 'signer' }];
    const verify = document.createElement('lms-certificate-verify') as HTMLElement & { signers?: unknown; headingLevel?: number };
    verify.signers = signers;
    verify.headingLevel = 3;
    host.append(quizElement, certificateElement, verify);
    await Promise.all([
      import('@lms-kit/elements/define/lms-quiz'),
      import('@lms-kit/elements/define/lms-certificate'),
      import('@lms-kit/elements/define/lms-certificate-verify'),
    ]);
    const elements = [quizElement, certificateElement, verify] as unknown as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
    await Promise.all(elements.map((element) => element.updateComplete));
    expect(quizElement.constructor.name).to.equal('LmsQuiz');
    expect(quizElement.quiz).to.equal(quiz);
    expect(certificateElement.certificate).to.equal(certificate);
    expect(verify.signers).to.equal(signers);
    expect(verify.headingLevel).to.equal(3);
    expect(verify.shadowRoot?.querySelector('[role="heading"]')?.getAttribute('aria-level')).to.equal('3');
  });
});
