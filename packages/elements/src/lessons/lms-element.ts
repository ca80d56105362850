import type { StorageChange } from '@lms-kit/storage';
import { LitElement } from 'lit';
import { LangDirController } from '../controllers/lang-dir-controller.js';
import { ServicesController } from '../controllers/services-controller.js';
import { isLocaleReady, loadLocale, resolveLocale, translate, type MessageParams } from '../i18n/localize.js';
import type { MessageId } from '../i18n/messages-en.js';

/** Marks a container of course content: its `lang` is the course's, not the interface's. */
export const CONTENT_LANG_ATTRIBUTE = 'data-lms-content';

/**
 * The language the page sets for `element`: the closest `lang` among its ancestors (across shadow
 * roots; an enclosing LMS Kit element gives its own interface locale), then the document's.
 */
export function pageLanguage(element: Element): string | undefined {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (!(node instanceof Element)) continue;
    if (node !== element && node instanceof LmsElement) return node.locale;
    if (node.hasAttribute(CONTENT_LANG_ATTRIBUTE)) continue;
    const lang = node.getAttribute('lang');
    if (lang) return lang;
  }
  return undefined;
}

/**
 * Base of LMS Kit elements: services from the nearest provider, localized strings, storage changes.
 * The global tokens below theme every element; set them on any ancestor (`:root`, a provider). Defaults
 * are the light theme's; `<lms-provider theme>` switches to dark or high contrast (elements README, Themes).
 *
 * @cssproperty --lms-color-accent - Accent: buttons, links, current lesson, focus ring. Default `#1d4ed8`.
 * @cssproperty --lms-color-on-accent - Text on the accent colour. Default `#ffffff`.
 * @cssproperty --lms-color-text - Body text. Default `#1f2937`.
 * @cssproperty --lms-color-muted - Secondary text. Default `#4b5563`.
 * @cssproperty --lms-color-surface - Background of panels and cards. Default `#ffffff`.
 * @cssproperty --lms-color-subtle - Background of quiet areas (outline, hints). Default `#f3f4f6`.
 * @cssproperty --lms-color-border - Borders and dividers. Default `#d1d5db`.
 * @cssproperty --lms-color-success - Completed and passed. Default `#047857`.
 * @cssproperty --lms-color-danger - Errors and failed. Default `#b91c1c`.
 * @cssproperty --lms-color-warning - Warnings (a certificate about to expire, a revoked one). Default `#b45309`.
 * @cssproperty --lms-color-background - What elements paint under themselves. Default `transparent` (the page's), the surface colour in the dark and high-contrast themes.
 * @cssproperty --lms-spacing - Base spacing of paddings and gaps. Default `1rem`.
 * @cssproperty --lms-radius - Corner radius. Default `0.5rem`.
 * @cssproperty --lms-font-family - Font of every element. Default `inherit` (the page's).
 * @cssproperty --lms-focus-ring - Outline of the focused control. Default `2px solid` the accent colour.
 */
export class LmsElement extends LitElement {
  protected readonly services = new ServicesController(this, () => {
    this.watchStorage();
    this.servicesChanged();
  });
  private stopWatching?: () => void;

  constructor() {
    super();
    new LangDirController(this);
  }

  /**
   * The interface locale: the provider's `locale`, else the page's `lang` (closest ancestor, then the
   * document), else the browser's languages; the first of these LMS Kit has messages for.
   */
  get locale(): string {
    const services = this.services.value;
    return resolveLocale([services && !services.localeFromPage ? services.locale : undefined, pageLanguage(this), ...navigator.languages]);
  }

  protected t(id: MessageId, params?: MessageParams): string {
    return translate(this.locale, id, params);
  }

  /** Resolves once the element has rendered with its strings: its locale's messages load on first use. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    const locale = this.locale;
    if (!isLocaleReady(locale)) {
      await loadLocale(locale).catch(() => undefined);
      // Loading asked every element to render again: wait for that render too.
      complete = await super.getUpdateComplete();
    }
    return complete;
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
