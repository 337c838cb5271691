import { crc32, deflateRawSync } from "node:zlib";
import { readZip as readEntries } from "../app/lib/zip.server";

/** The files of a zip archive (a .docx) as text: enough to check what Word reads in its XML. */
export function readZip(buffer: Buffer): Map<string, string> {
  const entries = readEntries(new Uint8Array(buffer), { maxEntries: 10_000, maxTotalBytes: 500 * 1024 * 1024 });
  return new Map(entries.map((entry) => [entry.path, Buffer.from(entry.bytes).toString("utf8")]));
}

/**
 * A zip as a person's tools write one (deflated, UTF-8 names), for upload tests. `declaredSize`
 * overrides an entry's stated size, to make the lying archives an attacker would send.
 */
export function writeZip(
  files: { path: string; content: string | Uint8Array; stored?: boolean; declaredSize?: number }[],
): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const bytes = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
    const data = file.stored ? bytes : deflateRawSync(bytes);
    const name = Buffer.from(file.path, "utf8");
    const header = (size: number) => {
      const fields = Buffer.alloc(26);
      fields.writeUInt16LE(20, 0); // version needed
      fields.writeUInt16LE(0x800, 2); // UTF-8 names
      fields.writeUInt16LE(file.stored ? 0 : 8, 4);
      fields.writeUInt32LE(0, 6); // time and date
      fields.writeUInt32LE(crc32(bytes), 10);
      fields.writeUInt32LE(data.byteLength, 14);
      fields.writeUInt32LE(size, 18);
      fields.writeUInt16LE(name.byteLength, 22);
      fields.writeUInt16LE(0, 24);
      return fields;
    };
    const size = file.declaredSize ?? bytes.byteLength;
    const local = Buffer.concat([u32(0x04034b50), header(size), name, data]);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16(20), // version made by
      header(size),
      Buffer.alloc(10), // comment length, disk, internal and external attributes
      u32(offset),
      name,
    ]);
    locals.push(local);
    directory.push(central);
    offset += local.byteLength;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(files.length),
    u16(files.length),
    u32(directoryBytes.byteLength),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};
