import type { StorageChange } from '@lms-kit/storage';
import { LitElement } from 'lit';
import { ServicesController } from '../controllers/services-controller.js';
import { pageLocale } from '../context/default-services.js';
import { translate, type MessageParams } from '../i18n/localize.js';
import type { MessageId } from '../i18n/messages-en.js';

/** Base of LMS Kit elements: services from the nearest provider, localized strings, storage changes. */
export class LmsElement extends LitElement {
  protected readonly services = new ServicesController(this, () => {
    this.watchStorage();
    this.servicesChanged();
  });
  private stopWatching?: () => void;

  get locale(): string {
    return this.services.value?.locale ?? pageLocale();
  }

  protected t(id: MessageId, params?: MessageParams): string {
    return translate(this.locale, id, params);
  }

  /** Called when the provider gives new services (first time, or new learner/locale/storage). */
  protected servicesChanged(): void {}

  /**
   * Elements that show stored data implement this: it gets every change to the storage made by this
   * page or another tab, while the element is connected.
   */
  protected storageChanged?(change: StorageChange): void;

  private watchStorage(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    const storage = this.services.value?.storage;
    if (storage && this.isConnected && this.storageChanged)
      this.stopWatching = storage.subscribe((change) => this.storageChanged?.(change));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.stopWatching) this.watchStorage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}
