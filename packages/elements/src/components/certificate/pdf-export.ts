/** What the PDF borrows from the page: the slotted logo and signature images and the accent colour. */

/** The image slotted into `slot`, as PNG bytes (any format the page shows); undefined if none or not readable (cross-origin). */
export async function slottedImage(slot: HTMLSlotElement | null): Promise<Uint8Array | undefined> {
  const assigned = slot?.assignedElements({ flatten: true }) ?? [];
  const image = assigned.map((el) => (el instanceof HTMLImageElement ? el : el.querySelector('img'))).find(Boolean);
  if (!image) return undefined;
  try {
    if (!image.complete) await image.decode();
    const scale = Math.min(1, 600 / Math.max(image.naturalWidth, image.naturalHeight, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/** A computed `rgb()` colour as `#rrggbb`. */
export function hexOf(color: string): string | undefined {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  return match
    ? `#${match
        .slice(1, 4)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('')}`
    : undefined;
}

export function saveFile(bytes: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function fileSlug(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
}
