import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLocaleReady, loadLocale, onMessagesChange } from '../i18n/localize.js';
import { defaultServices } from '../context/default-services.js';
import { pendingProviderAncestors, servicesContext, type LmsServices } from '../context/services.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly locale?: string };

/**
 * Gives an element its services: from the nearest provider (waiting for it to be defined if
 * needed), or the page defaults when there is none. Re-renders the host when they change.
 */
export class ServicesController implements ReactiveController {
  value?: LmsServices;
  error?: unknown;
  private resolveReady!: (services: LmsServices) => void;
  /** The first services the host gets: what an action started before them (a click, a method call) waits for. */
  readonly ready = new Promise<LmsServices>((resolve) => (this.resolveReady = resolve));
  private unsubscribe?: () => void;
  private stopMessages?: () => void;

  constructor(
    private readonly host: Host,
    private readonly onChange?: (services: LmsServices) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopMessages = onMessagesChange(() => this.host.requestUpdate());
    if (!this.request()) void this.resolveWithoutAnswer();
  }

  /** No provider answered: wait for LMS Kit ancestors still loading, then use the page defaults. */
  private async resolveWithoutAnswer(): Promise<void> {
    for (const pending of pendingProviderAncestors(this.host)) {
      await customElements.whenDefined(pending.localName);
      await new Promise((resolve) => setTimeout(resolve));
      if (!this.host.isConnected || this.request()) return;
    }
    try {
      this.set(await defaultServices());
    } catch (error) {
      this.error = error;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopMessages?.();
  }

  /** Asks the tree for a provider; true if one answered. */
  private request(): boolean {
    let answered = false;
    this.host.dispatchEvent(
      new ContextRequestEvent(
        servicesContext,
        this.host,
        (services, unsubscribe) => {
          answered = true;
          if (unsubscribe && unsubscribe !== this.unsubscribe) {
            this.unsubscribe?.();
            this.unsubscribe = unsubscribe;
          }
          if (services) this.set(services);
        },
        true,
      ),
    );
    return answered;
  }

  private latest?: LmsServices;

  /** Gives the host its services once its interface locale is loaded, so it never renders without its strings. */
  private set(services: LmsServices, localeLoaded = false): void {
    if (!this.host.isConnected || services === this.value) return;
    const previous = this.value;
    this.value = services;
    const locale = this.host.locale;
    if (!localeLoaded && locale && !isLocaleReady(locale)) {
      this.value = previous;
      this.latest = services;
      const proceed = () => this.latest === services && this.set(services, true);
      loadLocale(locale).then(proceed, proceed);
      return;
    }
    this.resolveReady(services);
    this.onChange?.(services);
    this.host.requestUpdate();
  }
}
