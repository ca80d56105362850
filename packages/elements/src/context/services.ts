import { createContext, ContextProvider } from '@lit/context';
import type { Learner } from '@lms-kit/core';
import type { ObservableStorage } from '@lms-kit/storage';

/** What every LMS Kit element needs from the page, given by `<lms-provider>` or `provideLms()`. */
export interface LmsServices {
  storage: ObservableStorage;
  learner: Learner;
  /** BCP 47 locale for the interface, e.g. `en`, `fr-CA`, `ar`. */
  locale: string;
  /** False when the browser refused storage and progress lasts only as long as the page. */
  persistent: boolean;
}

/** `Symbol.for` so that two copies of LMS Kit on one page still find each other's provider. */
export const servicesContext = createContext<LmsServices>(Symbol.for('lms-kit/services@1'));

const providerHosts = new WeakSet<Element>();

/**
 * Makes any element a provider, for hosts that cannot wrap content in `<lms-provider>` (a CMS
 * template, a React root). Call it before LMS Kit elements inside `host` are connected.
 */
export function provideLms(host: HTMLElement, services: LmsServices): ContextProvider<typeof servicesContext> {
  providerHosts.add(host);
  return new ContextProvider(host, { context: servicesContext, initialValue: services });
}

/** Whether an element is inside a provider, crossing shadow roots. */
export function findProviderAncestor(element: Element): Element | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && (node.localName === 'lms-provider' || providerHosts.has(node))) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
