import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

/** One font file of a stack, loaded only when the text needs a character it has. */
export interface FontFace {
  load: () => Promise<Uint8Array | ArrayBuffer | string>;
}

/** Fonts tried in order for each character: e.g. Latin, then Latin Extended, then a site's own font. */
export type FontStack = FontFace[];

interface LoadedFace {
  pdfFont: PDFFont;
  has: (codePoint: number) => boolean;
}

const toBytes = (data: Uint8Array | ArrayBuffer | string): Uint8Array =>
  typeof data === 'string' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data instanceof Uint8Array ? data : new Uint8Array(data);

/** Thrown when no font of a stack has a character of the text. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly characters: string) {
    super(`No font has a glyph for: ${characters}`);
  }
}

/**
 * Draws text with a stack of embedded fonts, each character in the first font that has it. Faces are
 * loaded and embedded (subset: only the glyphs used) the first time a character needs them.
 */
export class FontRuns {
  private readonly loaded: Array<Promise<LoadedFace> | undefined> = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly stack: FontStack,
  ) {
    doc.registerFontkit(fontkit);
  }

  private face(index: number): Promise<LoadedFace> {
    return (this.loaded[index] ??= (async () => {
      const bytes = toBytes(await this.stack[index].load());
      const font = fontkit.create(bytes as never) as { hasGlyphForCodePoint(cp: number): boolean };
      const pdfFont = await this.doc.embedFont(bytes, { subset: true });
      return { pdfFont, has: (cp: number) => font.hasGlyphForCodePoint(cp) };
    })());
  }

  /** Splits `text` into runs that one font can draw. */
  async runs(text: string): Promise<Array<{ text: string; font: PDFFont }>> {
    const runs: Array<{ text: string; font: PDFFont }> = [];
    const missing = new Set<string>();
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      let font: PDFFont | undefined;
      if (/\s/.test(char) && runs.length) font = runs[runs.length - 1].font;
      for (let i = 0; !font && i < this.stack.length; i++) {
        const face = await this.face(i);
        if (face.has(codePoint)) font = face.pdfFont;
      }
      if (!font) {
        missing.add(char);
        continue;
      }
      const last = runs[runs.length - 1];
      if (last?.font === font) last.text += char;
      else runs.push({ text: char, font });
    }
    if (missing.size) throw new MissingGlyphError([...missing].join(''));
    return runs;
  }

  async width(text: string, size: number): Promise<number> {
    return (await this.runs(text)).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  /** Draws `text` centred on `cx` (or starting at `x` when `align` is `left`), shrinking it to fit `maxWidth`. */
  async draw(
    page: PDFPage,
    text: string,
    options: { x: number; y: number; size: number; color: RGB; maxWidth: number; align?: 'center' | 'left' | 'right' },
  ): Promise<void> {
    let size = options.size;
    let width = await this.width(text, size);
    if (width > options.maxWidth) {
      size = Math.max(6, (size * options.maxWidth) / width);
      width = await this.width(text, size);
    }
    const align = options.align ?? 'center';
    let x = align === 'center' ? options.x - width / 2 : align === 'right' ? options.x - width : options.x;
    for (const run of await this.runs(text)) {
      page.drawText(run.text, { x, y: options.y, size, font: run.font, color: options.color });
      x += run.font.widthOfTextAtSize(run.text, size);
    }
  }
}
