import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { textDirection } from '../i18n/localize.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly locale: string; readonly renderRoot: ParentNode };

/**
 * After each render, the root part (`part="base"`) carries the interface's `lang` and `dir`, so screen
 * readers read its strings in the right language and the layout mirrors in right-to-left locales.
 * Course content inside marks its own language (`contentLang`).
 */
export class LangDirController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostUpdated(): void {
    // Elements whose root part is course content (a text lesson) give its language instead: null when unknown.
    const content = (this.host as unknown as { rootLanguage?: string | null }).rootLanguage;
    const locale = content === undefined ? this.host.locale : content;
    const dir = locale ? textDirection(locale) : 'auto';
    const root = this.host.renderRoot;
    for (const base of root.querySelectorAll('[part~="base"]')) {
      if (base.parentNode !== root) continue;
      if (!locale) base.removeAttribute('lang');
      else if (base.getAttribute('lang') !== locale) base.setAttribute('lang', locale);
      if (base.getAttribute('dir') !== dir) base.setAttribute('dir', dir);
    }
  }
}
