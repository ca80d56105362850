import { createContext, ContextProvider } from '@lit/context';
import type { CertificateSigner } from '@lms-kit/certificates';
import type { Learner } from '@lms-kit/core';
import type {
  DiscussionStore,
  GradingStore,
  LeaderboardReads,
  LearningReports,
  ObservableStorage,
  SessionBookings,
} from '@lms-kit/storage';
import type { LrsSync } from '@lms-kit/xapi';

/** What every LMS Kit element needs from the page, given by `<lms-provider>` or `provideLms()`. */
export interface LmsServices {
  storage: ObservableStorage;
  learner: Learner;
  /** BCP 47 locale for the interface, e.g. `en`, `fr-CA`, `ar`. */
  locale: string;
  /**
   * True when `locale` only repeats the page's language (a provider without `locale`): each element
   * then follows the `lang` around it. Otherwise `locale` comes first.
   */
  localeFromPage?: boolean;
  /** False when the browser refused storage and progress lasts only as long as the page. */
  persistent: boolean;
  /**
   * Who signs certificates: a `CertificateSigner`, or the URL of a site's signing endpoint (see
   * `serverSigner`). Default: a key of this browser's own, so certificates are self-issued.
   */
  certificateSigner?: CertificateSigner | string;
  /**
   * URL of `lms-kit-content-host.html` on a content origin of the site's own: package content plays
   * there (isolated mode) instead of on this page's origin. Default: none (trusted packages only).
   */
  contentHost?: string;
  /** The outbox's sync to the LRSs, when the provider has `lrs`. */
  sync?: LrsSync;
  /** The signed-in user's roles (`learner`, `instructor`, `admin`): the provider's `roles`, else the server token's. */
  roles?: string[];
  /** Multi-learner reads of a backend of many learners (the server's `HttpStorageAdapter`). */
  reports?: LearningReports;
  /** The grading queue of a backend of many learners. */
  grading?: GradingStore;
  /** The leaderboard of a backend of many learners (ranked on the server). */
  leaderboard?: LeaderboardReads;
  /** Session seat bookings counted by a backend of many learners (else kept in this browser). */
  sessions?: SessionBookings;
  /** Lesson discussions shared through a backend of many learners; without it, private notes in `storage`. */
  discussion?: DiscussionStore;
}

/** `Symbol.for` so that two copies of LMS Kit on one page still find each other's provider. */
export const servicesContext = createContext<LmsServices>(Symbol.for('lms-kit/services@1'));

/**
 * Makes any element a provider, for hosts that cannot wrap content in `<lms-provider>` (a CMS
 * template, a React root). Call it before LMS Kit elements inside `host` are connected.
 */
export function provideLms(host: HTMLElement, services: LmsServices): ContextProvider<typeof servicesContext> {
  return new ContextProvider(host, { context: servicesContext, initialValue: services });
}

/**
 * Ancestors (crossing shadow roots) that may still become providers: LMS Kit elements whose class
 * has not loaded yet. Elements inside them wait for them before falling back to the defaults.
 */
export function pendingProviderAncestors(element: Element): Element[] {
  const pending: Element[] = [];
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName.startsWith('lms-') && !customElements.get(node.localName)) pending.push(node);
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return pending;
}
