import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

// Reads (and writes) a .zip as Windows, macOS and common tools write it (stored or deflated entries, UTF-8 or
// plain ASCII names). A zip is someone else's file: sizes are checked against limits before and while
// inflating, so a small zip that unpacks to gigabytes is refused, never unpacked.

export type ZipEntry = { path: string; bytes: Uint8Array };
export type ZipLimits = { maxEntries: number; maxTotalBytes: number };

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The files in a zip, folders left out, each with its path inside the zip ("meetings/2018-03-15.yaml"). */
export function readZip(zip: Uint8Array, { maxEntries, maxTotalBytes }: ZipLimits): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count > maxEntries) throw new ZipError(`Het zipbestand bevat meer dan ${maxEntries} bestanden.`);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) throw damaged();
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const checksum = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const path = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(
      zip.subarray(offset + 46, offset + 46 + nameLength),
    );
    offset += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith("/")) continue;
    if (flags & 0x1) throw new ZipError(`${path} is versleuteld; maak het zipbestand zonder wachtwoord.`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipError("Dit zipbestand is te groot (zip64); lever een kleiner bestand aan.");
    total += size;
    if (total > maxTotalBytes)
      throw new ZipError(`Uitgepakt is het zipbestand groter dan ${Math.round(maxTotalBytes / 1024 / 1024)} MB.`);
    if (localOffset + 30 > zip.byteLength || view.getUint32(localOffset, true) !== LOCAL_HEADER) throw damaged();
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressedSize > zip.byteLength) throw damaged();
    const data = zip.subarray(start, start + compressedSize);
    const bytes = unpack(path, method, data, size);
    if (crc32(bytes) !== checksum) throw damaged();
    entries.push({ path, bytes });
  }
  return entries;
}

function unpack(path: string, method: number, data: Uint8Array, size: number): Uint8Array {
  if (method === 0) {
    if (data.byteLength !== size) throw damaged();
    return data;
  }
  if (method !== 8)
    throw new ZipError(`${path} is ingepakt op een manier die Gremium niet leest; gebruik gewoon zippen.`);
  try {
    // The declared size bounds the output: an entry that inflates to more is refused mid-way.
    const bytes = new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));
    if (bytes.byteLength !== size) throw damaged();
    return bytes;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw damaged();
  }
}

function findEndOfDirectory(view: DataView) {
  // The record is 22 bytes plus a comment of at most 65 535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 65_535); at--)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  throw new ZipError("Dit is geen zipbestand.");
}

const damaged = () => new ZipError("Het zipbestand is beschadigd; maak het opnieuw.");

/**
 * A .zip of the given files (deflated, UTF-8 names), the same bytes for the same files: every entry
 * carries the same date (1 January 1980, the format's first), so a package exported twice is identical.
 */
export function writeZip(files: { path: string; bytes: Uint8Array }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = new TextEncoder().encode(file.path);
    const data = deflateRawSync(file.bytes);
    const header = new DataView(new ArrayBuffer(26));
    header.setUint16(0, 20, true); // version needed
    header.setUint16(2, 0x800, true); // UTF-8 names
    header.setUint16(4, 8, true); // deflate
    header.setUint16(6, 0, true); // time 00:00
    header.setUint16(8, (0 << 9) | (1 << 5) | 1, true); // date 1980-01-01
    header.setUint32(10, crc32(file.bytes), true);
    header.setUint32(14, data.byteLength, true);
    header.setUint32(18, file.bytes.byteLength, true);
    header.setUint16(22, name.byteLength, true);
    header.setUint16(24, 0, true);
    const fields = new Uint8Array(header.buffer);
    const local = concat([u32(LOCAL_HEADER), fields, name, data]);
    directory.push(concat([u32(DIRECTORY_ENTRY), u16(20), fields, new Uint8Array(10), u32(offset), name]));
    chunks.push(local);
    offset += local.byteLength;
  }
  const centralDirectory = concat(directory);
  const end = concat([
    u32(END_OF_DIRECTORY),
    u16(0),
    u16(0),
    u16(files.length),
    u16(files.length),
    u32(centralDirectory.byteLength),
    u32(offset),
    u16(0),
  ]);
  return concat([...chunks, centralDirectory, end]);
}

const u16 = (value: number) => {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, value, true);
  return bytes;
};
const u32 = (value: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0, true);
  return bytes;
};
function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
