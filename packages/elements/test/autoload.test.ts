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
