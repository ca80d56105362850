import { encode } from 'uqr';

/**
 * QR codes for verification links, with uqr (MIT, unjs): a small, dependency-free ESM port of
 * Nayuki's reference QR encoder that returns the module matrix, so the same code draws the SVG in
 * the page and the squares in the PDF.
 */
export interface QrCode {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `dark[y][x]` */
  dark: boolean[][];
}

/** Medium error correction: the code stays readable on a creased or slightly smudged printout. */
export function qrCode(text: string): QrCode {
  const { size, data } = encode(text, { ecc: 'M', border: 0 });
  return { size, dark: data };
}

/** One SVG path drawing every dark module, for a `viewBox="0 0 size size"`. */
export function qrSvgPath(code: QrCode): string {
  let d = '';
  code.dark.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return d;
}
