/**
 * The names of a remote zip's entries, read from its central directory (the zip's own table of
 * contents) with two range requests: the end record, then the directory where it says it is.
 * A server that ignores `Range` sends the whole file, which is read the same way.
 */
const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record (22 bytes) and the longest comment a zip may carry after it. */
const TAIL = 22 + 0xffff;

type Fetcher = (range: string) => Promise<{ bytes: Uint8Array; start: number; total?: number }>;

export class ZipDirectoryError extends Error {}

export async function zipEntryNames(url: string, signal?: AbortSignal): Promise<string[]> {
  return readEntryNames(async (range) => {
    const response = await fetch(url, { signal, headers: { Range: range }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 206) return { bytes, start: 0, total: bytes.length };
    const match = /bytes (\d+)-\d+\/(\d+|\*)/.exec(response.headers.get('content-range') ?? '');
    if (!match) throw new ZipDirectoryError('the server sent a part of the file without saying which');
    return { bytes, start: Number(match[1]), total: match[2] === '*' ? undefined : Number(match[2]) };
  });
}

/** Entry names from a fetcher of byte ranges (exported for bytes already in memory too). */
export async function readEntryNames(fetchRange: Fetcher): Promise<string[]> {
  const tail = await fetchRange(`bytes=-${TAIL}`);
  const view = new DataView(tail.bytes.buffer, tail.bytes.byteOffset, tail.bytes.byteLength);
  let end = -1;
  for (let at = tail.bytes.length - 22; at >= Math.max(0, tail.bytes.length - TAIL); at--) {
    if (view.getUint32(at, true) === END_RECORD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDirectoryError('no end of central directory record: not a zip');
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator just before the end record says where the 64-bit end record is.
    if (end < 20 || view.getUint32(end - 20, true) !== ZIP64_LOCATOR) throw new ZipDirectoryError('damaged ZIP64 end record');
    const recordAt = Number(view.getBigUint64(end - 12, true));
    const record = await slice(fetchRange, tail, recordAt, 56);
    const recordView = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (recordView.getUint32(0, true) !== ZIP64_END_RECORD) throw new ZipDirectoryError('damaged ZIP64 end record');
    count = Number(recordView.getBigUint64(32, true));
    size = Number(recordView.getBigUint64(40, true));
    offset = Number(recordView.getBigUint64(48, true));
  }
  return parseDirectory(await slice(fetchRange, tail, offset, size), count);
}

/** `length` bytes at `offset` of the file: from what was already fetched when it holds them, else fetched. */
async function slice(fetchRange: Fetcher, have: { bytes: Uint8Array; start: number }, offset: number, length: number): Promise<Uint8Array> {
  if (offset >= have.start && offset + length <= have.start + have.bytes.length) {
    return have.bytes.subarray(offset - have.start, offset - have.start + length);
  }
  if (length === 0) return new Uint8Array(0);
  const part = await fetchRange(`bytes=${offset}-${offset + length - 1}`);
  return slice(() => Promise.reject(new ZipDirectoryError('the server did not send the central directory')), part, offset, length);
}

function parseDirectory(bytes: Uint8Array, count: number): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder();
  const latin1 = new TextDecoder('latin1');
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipDirectoryError('damaged central directory');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII range is all a manifest name needs.
    names.push((flags & 0x800 ? utf8 : latin1).decode(name));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
