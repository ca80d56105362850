import { LitElement } from 'lit';
import { ServicesController } from '../controllers/services-controller.js';
import { pageLocale } from '../context/default-services.js';
import { translate, type MessageParams } from '../i18n/localize.js';
import type { MessageId } from '../i18n/messages-en.js';

/** Base of LMS Kit elements: services from the nearest provider and localized strings. */
export class LmsElement extends LitElement {
  protected readonly services = new ServicesController(this, () => this.servicesChanged());

  get locale(): string {
    return this.services.value?.locale ?? pageLocale();
  }

  protected t(id: MessageId, params?: MessageParams): string {
    return translate(this.locale, id, params);
  }

  /** Called when the provider gives new services (first time, or new learner/locale/storage). */
  protected servicesChanged(): void {}
}
