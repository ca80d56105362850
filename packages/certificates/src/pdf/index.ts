import { LmsError } from '@lms-kit/core';
import { PDFDocument, rgb, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { qrCode } from '../qr.js';
import { FontRuns, MissingGlyphError, type FontStack } from './font-stack.js';

export { MissingGlyphError, type FontFace, type FontStack } from './font-stack.js';

/** The words of the certificate, already in the learner's language: the PDF only lays them out. */
export interface CertificatePdfText {
  title: string;
  /** "This certifies that" */
  preamble: string;
  learnerName: string;
  /** "has completed the course" */
  statement: string;
  courseTitle: string;
  /** Lines such as "Issued on 3 Nov 2026", "Valid until …", "Score: 90 %". */
  details: string[];
  issuerName: string;
  issuerUrl?: string;
  /** "Self-issued: signed by this browser, not by a server", for a certificate signed by a browser's own key. */
  selfIssuedNote?: string;
  /** Verification link; drawn as a QR code with the link written under it. */
  verifyUrl?: string;
  /** "Verify this certificate at" */
  verifyLabel?: string;
  /** "Certificate urn:uuid:…" */
  idLine: string;
}

export interface CertificatePdfOptions {
  paper?: 'a4' | 'letter';
  template?: 'classic' | 'modern';
  /** CSS hex colour of borders and accents. Default `#1d4ed8`. */
  accentColor?: string;
  /** PNG or JPEG bytes. */
  logo?: Uint8Array;
  /** PNG or JPEG bytes of a signature, drawn above the issuer's name. */
  signature?: Uint8Array;
  /** BCP 47 language of the text. */
  language?: string;
  issuedAt?: Date;
  /** Fonts for headings (title, name, course) and for the rest. Default: Noto Serif Bold and Noto Sans (Latin, Latin Extended, Vietnamese, Cyrillic, Greek). */
  fonts?: { heading?: FontStack; body?: FontStack };
}

const PAPER = { a4: [841.89, 595.28], letter: [792, 612] } as const;
const INK = rgb(0.12, 0.16, 0.22);
const MUTED = rgb(0.29, 0.33, 0.39);

/** Noto Serif Bold: Latin, then Latin Extended, Vietnamese, Cyrillic and Greek, each loaded only if a text needs it. */
export const defaultHeadingFonts: FontStack = [
  { load: async () => (await import('./fonts/noto-serif-latin-700.js')).default },
  { load: async () => (await import('./fonts/noto-serif-latin-ext-700.js')).default },
  { load: async () => (await import('./fonts/noto-serif-vietnamese-700.js')).default },
  { load: async () => (await import('./fonts/noto-serif-cyrillic-700.js')).default },
  { load: async () => (await import('./fonts/noto-serif-greek-700.js')).default },
];
/** Noto Sans, with the same subsets. */
export const defaultBodyFonts: FontStack = [
  { load: async () => (await import('./fonts/noto-sans-latin-400.js')).default },
  { load: async () => (await import('./fonts/noto-sans-latin-ext-400.js')).default },
  { load: async () => (await import('./fonts/noto-sans-vietnamese-400.js')).default },
  { load: async () => (await import('./fonts/noto-sans-cyrillic-400.js')).default },
  { load: async () => (await import('./fonts/noto-sans-greek-400.js')).default },
];

/**
 * Makes a one-page, landscape certificate PDF in the browser with pdf-lib: embedded (subset) fonts,
 * so the text is real, selectable text; the learner's name and the course are also in the metadata.
 * Throws `LmsError('certificate/pdf-failed')`, e.g. when no font has a character of the name.
 */
export async function certificatePdf(text: CertificatePdfText, options: CertificatePdfOptions = {}): Promise<Uint8Array> {
  try {
    return await layout(text, options);
  } catch (error) {
    const message =
      error instanceof MissingGlyphError
        ? `The PDF fonts have no letters for “${error.characters}”. Print the certificate instead, or give a font that has them.`
        : `The PDF could not be made: ${(error as Error).message}`;
    throw new LmsError('certificate/pdf-failed', message, { cause: error });
  }
}

async function layout(text: CertificatePdfText, options: CertificatePdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [width, height] = PAPER[options.paper ?? 'a4'];
  const page = doc.addPage([width, height]);
  const accent = hexColor(options.accentColor ?? '#1d4ed8');
  const heading = new FontRuns(doc, options.fonts?.heading ?? defaultHeadingFonts);
  const body = new FontRuns(doc, options.fonts?.body ?? defaultBodyFonts);
  const cx = width / 2;
  const maxWidth = width - 180;

  drawFrame(page, width, height, accent, options.template ?? 'classic');
  let y = height - 92;
  const logo = options.logo && (await embedImage(doc, options.logo));
  if (logo) {
    const scale = Math.min(56 / logo.height, 160 / logo.width);
    page.drawImage(logo, { x: cx - (logo.width * scale) / 2, y: y - 24, width: logo.width * scale, height: logo.height * scale });
    y -= 58;
  }
  await heading.draw(page, text.title, { x: cx, y: y - 20, size: 32, color: accent, maxWidth });
  y -= 70;
  await body.draw(page, text.preamble, { x: cx, y, size: 14, color: MUTED, maxWidth });
  y -= 46;
  await heading.draw(page, text.learnerName, { x: cx, y, size: 30, color: INK, maxWidth });
  page.drawLine({ start: { x: cx - 170, y: y - 10 }, end: { x: cx + 170, y: y - 10 }, thickness: 0.75, color: MUTED });
  y -= 38;
  await body.draw(page, text.statement, { x: cx, y, size: 14, color: MUTED, maxWidth });
  y -= 36;
  await heading.draw(page, text.courseTitle, { x: cx, y, size: 22, color: INK, maxWidth });
  y -= 32;
  for (const line of text.details) {
    await body.draw(page, line, { x: cx, y, size: 11, color: MUTED, maxWidth });
    y -= 17;
  }

  // Bottom band: issuer (and signature) on the left, verification on the right.
  const left = 84;
  const bottom = 64;
  const signature = options.signature && (await embedImage(doc, options.signature));
  if (signature) {
    const scale = Math.min(44 / signature.height, 180 / signature.width);
    page.drawImage(signature, { x: left, y: bottom + 40, width: signature.width * scale, height: signature.height * scale });
  }
  page.drawLine({ start: { x: left, y: bottom + 34 }, end: { x: left + 220, y: bottom + 34 }, thickness: 0.75, color: MUTED });
  await body.draw(page, text.issuerName, { x: left, y: bottom + 18, size: 12, color: INK, maxWidth: 260, align: 'left' });
  if (text.issuerUrl)
    await body.draw(page, text.issuerUrl, { x: left, y: bottom + 4, size: 9, color: MUTED, maxWidth: 260, align: 'left' });
  if (text.selfIssuedNote)
    await body.draw(page, text.selfIssuedNote, { x: left, y: bottom - 10, size: 8, color: MUTED, maxWidth: 300, align: 'left' });

  const right = width - 84;
  if (text.verifyUrl) {
    const code = qrCode(text.verifyUrl);
    const side = 78;
    const unit = side / code.size;
    const qx = right - side;
    const qy = bottom + 24;
    code.dark.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (dark) page.drawRectangle({ x: qx + c * unit, y: qy + (code.size - 1 - r) * unit, width: unit, height: unit, color: INK });
      }),
    );
    if (text.verifyLabel)
      await body.draw(page, text.verifyLabel, { x: qx - 10, y: qy + side - 10, size: 8, color: MUTED, maxWidth: 200, align: 'right' });
    await body.draw(page, text.verifyUrl, { x: right, y: qy - 12, size: 7, color: MUTED, maxWidth: 300, align: 'right' });
  }
  await body.draw(page, text.idLine, { x: right, y: bottom, size: 7, color: MUTED, maxWidth: 300, align: 'right' });

  doc.setTitle(`${text.title}: ${text.learnerName}, ${text.courseTitle}`);
  doc.setSubject(text.courseTitle);
  doc.setAuthor(text.issuerName);
  doc.setKeywords([text.learnerName, text.courseTitle, text.idLine]);
  doc.setCreator('LMS Kit');
  doc.setProducer('LMS Kit (pdf-lib)');
  if (options.language) doc.setLanguage(options.language);
  if (options.issuedAt) doc.setCreationDate(options.issuedAt);
  return doc.save();
}

function drawFrame(page: PDFPage, width: number, height: number, accent: RGB, template: 'classic' | 'modern'): void {
  if (template === 'modern') {
    page.drawRectangle({ x: 0, y: 0, width: 28, height, color: accent });
    page.drawRectangle({ x: 28, y: height - 10, width: width - 28, height: 10, color: accent, opacity: 0.25 });
    return;
  }
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: accent, borderWidth: 0.75 });
}

async function embedImage(doc: PDFDocument, bytes: Uint8Array): Promise<PDFImage | undefined> {
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return await doc.embedPng(bytes);
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await doc.embedJpg(bytes);
  } catch {
    // A broken logo must not cost the learner their certificate.
  }
  return undefined;
}

function hexColor(hex: string): RGB {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!match) return rgb(0.11, 0.31, 0.85);
  const full = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const value = parseInt(full, 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}
