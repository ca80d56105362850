import { ContextProvider } from '@lit/context';
import type { CertificateSigner } from '@lms-kit/certificates';
import { learnerFromActor, toLmsError, type Agent, type Learner } from '@lms-kit/core';
import { createIndexedDbStorage, type StorageAdapter } from '@lms-kit/storage';
import type { LrsConfig, SyncOptions } from '@lms-kit/xapi';
import { LitElement, adoptStyles, css, html, type PropertyValues } from 'lit';
import { createMemoryStorage, elementStorage, localLearner, openStorage, pageLocale } from '../../context/default-services.js';
import { servicesContext, type LmsServices } from '../../context/services.js';
import { LmsErrorEvent } from '../../events/error.js';

/**
 * @tag lms-provider
 * @summary Gives the LMS Kit elements inside it their storage, learner and locale. Without a
 * provider, elements use IndexedDB and an anonymous learner local to this browser.
 *
 * @slot - The page content with LMS Kit elements.
 * @event lms-error - The storage could not be opened, or the LRS configuration is not valid. `detail: { error, recoverable }`
 * @event lms-sync-change - With `lrs`: records waiting, an LRS unreachable or refusing, dead letters. `detail`: the sync status.
 */
export class LmsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    learnerName: { attribute: 'learner-name' },
    learnerEmail: { attribute: 'learner-email' },
    learnerAccount: { attribute: 'learner-account' },
    learnerHomePage: { attribute: 'learner-home-page' },
    learner: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
    storageType: { attribute: 'storage-type' },
    database: {},
    storage: { attribute: false },
    certificateSigner: { attribute: 'certificate-signer' },
    contentHost: { attribute: 'content-host' },
    roles: { converter: { fromAttribute: (value: string | null) => value?.split(/\s+/).filter(Boolean) } },
    lrs: { attribute: false },
    syncOptions: { attribute: false },
  };

  /** Learner's name, shown in records and certificates. */
  learnerName?: string;
  /** Learner's email: identifies the learner (xAPI `mbox`). */
  learnerEmail?: string;
  /** Learner's account name on the site (xAPI `account.name`); used with `learner-home-page`. */
  learnerAccount?: string;
  /** The site that issued `learner-account`. Default: this page's origin. */
  learnerHomePage?: string;
  /** The learner as an xAPI agent, instead of the attributes above. */
  learner?: Agent;
  /**
   * Interface locale (BCP 47), e.g. `fr`, `ar`, `pt-BR`; changing it re-renders every element inside.
   * Default: the closest `lang` around each element, the document's `lang`, else the browser's languages.
   */
  locale?: string;
  /**
   * Colour theme of the elements inside: `light` (default), `dark`, `high-contrast`, or `auto` (dark or
   * high contrast when the system asks for it). A site's own `--lms-*` tokens override the theme's.
   */
  theme?: 'light' | 'dark' | 'high-contrast' | 'auto';
  /** `indexeddb` (default) or `memory` (nothing kept after the page closes). */
  storageType: 'indexeddb' | 'memory' = 'indexeddb';
  /** IndexedDB database name, to keep several sites' data apart on one origin. Default `lms-kit`. */
  database?: string;
  /** A storage adapter of your own (server, LRS, encrypted…), instead of `storage-type`. */
  storage?: StorageAdapter;
  /**
   * Who signs certificates: the URL of your site's signing endpoint (attribute `certificate-signer`),
   * or a `CertificateSigner`. Default: a key of this browser's own (self-issued certificates).
   */
  certificateSigner?: CertificateSigner | string;
  /**
   * URL of `lms-kit-content-host.html` served from a content origin of your own (another origin or
   * subdomain than your pages): SCORM packages then play there, sandboxed, their API bridged by
   * postMessage, so their content cannot reach this page, its storage or other courses. Without it,
   * package content runs on this page's origin: for trusted packages only.
   */
  contentHost?: string;
  /**
   * The signed-in user's roles (`learner`, `instructor`, `admin`; attribute: space-separated). Default:
   * the `roles` of the server token when `storage` is an `HttpStorageAdapter`, else none. The server
   * enforces them anyway: this only decides what elements offer.
   */
  roles?: string[];
  /**
   * Learning Record Stores to send the learner's xAPI statements to: `{ endpoint, version, username,
   * password }` or `{ endpoint, token: (reason) => … }`. The sync code loads only when this is set.
   */
  lrs?: LrsConfig | LrsConfig[];
  /** Batch size, interval and retry timings of the LRS sync. */
  syncOptions?: SyncOptions;

  private readonly provider = new ContextProvider(this, { context: servicesContext });
  private generation = 0;
  private services?: LmsServices;
  private themesLoaded = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The theme is CSS only (themes.styles.ts): services stay as they are.
    const serviceChanges = [...changed.keys()].filter((key) => key !== 'theme');
    if (serviceChanges.length === 1 && changed.has('locale') && this.services) {
      // A new interface language only: same storage and learner, every element re-renders.
      this.services = { ...this.services, locale: this.locale ?? pageLocale(), localeFromPage: !this.locale };
      this.provider.setValue(this.services);
    } else if (serviceChanges.length > 0) void this.provide();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.theme && this.theme !== 'light' && !this.themesLoaded) {
      this.themesLoaded = true;
      void this.loadThemes();
    }
  }

  /** The dark and high-contrast palettes load with the first theme that needs them, not up front. */
  private async loadThemes(): Promise<void> {
    const { themeStyles } = await import('../../styles/themes.styles.js');
    adoptStyles(this.renderRoot as ShadowRoot, [...LmsProvider.elementStyles, themeStyles]);
  }

  private async provide(): Promise<void> {
    const generation = ++this.generation;
    try {
      const { storage, persistent } = await openStorage(await this.createStorage());
      const learner = await this.resolveLearner(storage);
      if (generation !== this.generation) return;
      const services: LmsServices = {
        storage: elementStorage(storage),
        learner,
        locale: this.locale ?? pageLocale(),
        localeFromPage: !this.locale,
        persistent,
        certificateSigner: this.certificateSigner,
        contentHost: this.contentHost,
        ...(await this.backendServices()),
      };
      this.services?.sync?.stop();
      if (this.lrs)
        services.sync = (await import('../../sync/start-sync.js')).startSync(this, services.storage, this.lrs, this.syncOptions);
      this.services = services;
      this.provider.setValue(services);
    } catch (error) {
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: false }));
    }
  }

  /** A page's own storage may be a multi-learner backend; its services load only then. */
  private async backendServices(): Promise<Partial<LmsServices>> {
    if (!this.storage) return this.roles ? { roles: this.roles } : {};
    return (await import('./backend-services.js')).backendServices(this.storage, this.roles);
  }

  private async createStorage(): Promise<StorageAdapter> {
    if (this.storage) return this.storage;
    if (this.storageType === 'memory') return createMemoryStorage();
    return createIndexedDbStorage({ databaseName: this.database });
  }

  private resolveLearner(storage: StorageAdapter): Promise<Learner> {
    if (this.learner) return Promise.resolve(learnerFromActor(this.learner));
    const name = this.learnerName;
    if (this.learnerEmail) return Promise.resolve(learnerFromActor({ mbox: this.learnerEmail, name }));
    if (this.learnerAccount) {
      return Promise.resolve(
        learnerFromActor({ account: { homePage: this.learnerHomePage ?? location.origin, name: this.learnerAccount }, name }),
      );
    }
    return localLearner(storage);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.services?.sync?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.services?.sync?.stop();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
