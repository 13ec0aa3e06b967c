/**
 * .xlsx files for import tests, good and hostile: a zip writer whose directory can lie, a stream of
 * deflated zeros (a zip bomb's payload), and real workbooks written by exceljs.
 */
import { Readable } from "node:stream";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import * as ExcelJS from "exceljs";

export interface Entry {
  name: string;
  packed: Buffer;
  size: number;
  crc: number;
}

export const entry = (name: string, data: Buffer | string): Entry => {
  const bytes = Buffer.from(data);
  return { name, packed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** A zip archive (deflate), its directory declaring each entry's `size`: true or not. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.packed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.packed);
    centrals.push(central, name);
    offset += 30 + name.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `megabytes` of zeros, deflated as a stream (never held whole in memory). */
export async function zeros(megabytes: number): Promise<{ packed: Buffer; crc: number; size: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i++) {
        crc = crc32(chunk, crc);
        yield chunk;
      }
    })(),
  );
  const parts: Buffer[] = [];
  for await (const part of source.pipe(createDeflateRaw({ level: 9 }))) parts.push(part as Buffer);
  return { packed: Buffer.concat(parts), crc, size: megabytes * 1024 * 1024 };
}

export async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("OKRs"));
  return Buffer.from(await book.xlsx.writeBuffer());
}
