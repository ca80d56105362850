import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onMessagesChange } from '../i18n/localize.js';
import { defaultServices } from '../context/default-services.js';
import { findProviderAncestor, servicesContext, type LmsServices } from '../context/services.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element its services: from the nearest provider (waiting for it to be defined if
 * needed), or the page defaults when there is none. Re-renders the host when they change.
 */
export class ServicesController implements ReactiveController {
  value?: LmsServices;
  error?: unknown;
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
    if (this.request()) return;
    const provider = findProviderAncestor(this.host);
    if (provider) {
      // The provider's class may load after ours: ask again once it is upgraded.
      void customElements.whenDefined(provider.localName).then(() => queueMicrotask(() => this.request()));
    } else {
      defaultServices().then(
        (services) => this.set(services),
        (error: unknown) => {
          this.error = error;
          this.host.requestUpdate();
        },
      );
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

  private set(services: LmsServices): void {
    if (!this.host.isConnected || services === this.value) return;
    this.value = services;
    this.onChange?.(services);
    this.host.requestUpdate();
  }
}
