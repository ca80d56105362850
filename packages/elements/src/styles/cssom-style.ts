import { noChange } from 'lit';
import { Directive, PartType, directive, type AttributePart, type PartInfo } from 'lit/directive.js';

type Styles = Record<string, string | undefined>;

/**
 * Inline styles set through CSSOM (`style.setProperty`), on first render too. Lit's `styleMap`
 * writes a `style` attribute on first render, which a page whose CSP has `style-src 'self'` (no
 * `'unsafe-inline'`) blocks; CSSOM changes are always allowed. Names are CSS names:
 * `inline-size`, `--_height`.
 */
class CssomStyle extends Directive {
  private names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('cssomStyle() goes in a style attribute');
  }

  render(_styles: Styles): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Styles]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.names) if (styles[name] === undefined) style.removeProperty(name);
    this.names = new Set(Object.keys(styles).filter((name) => styles[name] !== undefined));
    for (const name of this.names) style.setProperty(name, styles[name] as string);
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyle);
