/**
 * Checks an .xlsx file before anything unpacks it for real: the zip's central directory is read,
 * its declared sizes are capped, every entry is inflated with its declared size as a hard ceiling
 * (a directory that lies is caught there, at that ceiling, not after gigabytes), and each sheet's
 * extent (its last cell's row × column) is capped. exceljs then reads a file known to be small.
 */
import { crc32, inflateRawSync } from "node:zlib";

/** Refused beyond these, with a message naming the limit (a small file can unzip to a huge sheet). */
export const IMPORT_LIMITS = {
  sheets: 200,
  rows: 100_000,
  columns: 1_000,
  /** Rows × columns, over all sheets (a sheet with cells at A1 and ALL100000 spans 100 million). */
  cells: 2_000_000,
  /** Uncompressed bytes, all entries together. */
  unzipped: 50 * 1024 * 1024,
  entries: 10_000,
  /** The import worker's heap and time. */
  memoryMb: 512,
  timeMs: 20_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const NOT_XLSX = "This is not an .xlsx file: it is not a zip archive.";
const BROKEN = "This .xlsx file is damaged or cut short: its zip directory is missing or broken.";
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The zip's central directory, as it declares itself. */
function directory(file: Buffer, limits: ImportLimits): ZipEntry[] {
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL) throw new Error(NOT_XLSX);
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 65_535); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(BROKEN);
  const count = file.readUInt16LE(end + 10);
  const size = file.readUInt32LE(end + 12);
  const offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new Error(`This .xlsx file is larger than the playground takes (${mb(limits.unzipped)} unpacked).`);
  if (offset + size > end) throw new Error(BROKEN);
  if (count > limits.entries)
    throw new Error(`This .xlsx file holds ${count} files; the playground takes ${limits.entries} at most.`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || file.readUInt32LE(at) !== CENTRAL) throw new Error(BROKEN);
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30);
    const comment = file.readUInt16LE(at + 32);
    entries.push({
      method: file.readUInt16LE(at + 10),
      crc: file.readUInt32LE(at + 16),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
      name: file.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** An entry's bytes, never more than its declared size (inflating stops there). */
function unpack(file: Buffer, entry: ZipEntry, limits: ImportLimits): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== LOCAL) throw new Error(BROKEN);
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > file.length) throw new Error(BROKEN);
  const packed = file.subarray(start, stop);
  let bytes: Buffer;
  if (entry.method === 0) bytes = packed;
  else if (entry.method === 8) {
    try {
      bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const lies = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      // The message is the user's; zlib's own says nothing to them.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(
        lies
          ? `This .xlsx file unpacks to more than its zip directory says (${entry.name}); the playground refuses it (${mb(limits.unzipped)} unpacked at most).`
          : BROKEN,
      );
    }
  } else throw new Error(`This .xlsx file uses a compression the playground cannot read (${entry.name}).`);
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) throw new Error(BROKEN);
  return bytes;
}

/** Column letters to a number: "ALL" → 1000. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** The last row and column a sheet's XML names (its declared dimension and every cell reference). */
function extent(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  const see = (letters: string, digits: string) => {
    rows = Math.max(rows, Number(digits));
    columns = Math.max(columns, columnNumber(letters));
  };
  const dimension = /<(?:\w+:)?dimension\s+ref="(?:[A-Z]+\d+:)?([A-Z]{1,3})(\d{1,7})"/.exec(xml);
  if (dimension) see(dimension[1]!, dimension[2]!);
  for (const cell of xml.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) see(cell[1]!, cell[2]!);
  return { rows, columns };
}

const count = (n: number) => n.toLocaleString("en-US");

/** Refuses, with a message that names the broken limit, a file that is not safe to unpack. */
export function checkXlsx(file: Buffer, limits: ImportLimits = IMPORT_LIMITS): void {
  const entries = directory(file, limits);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.unzipped)
    throw new Error(
      `This .xlsx file unpacks to ${mb(declared)}; the playground takes ${mb(limits.unzipped)} at most.`,
    );
  let cells = 0;
  let sheets = 0;
  for (const entry of entries) {
    const bytes = unpack(file, entry, limits);
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
    if (++sheets > limits.sheets)
      throw new Error(
        `The workbook has more than ${limits.sheets} sheets; the playground takes ${limits.sheets}.`,
      );
    const { rows, columns } = extent(bytes.toString("utf8"));
    if (rows > limits.rows || columns > limits.columns)
      throw new Error(
        `A sheet reaches row ${count(rows)}, column ${count(columns)}; the playground takes ${count(limits.rows)} rows and ${count(limits.columns)} columns at most.`,
      );
    cells += rows * columns;
    if (cells > limits.cells)
      throw new Error(
        `The sheets span ${count(cells)} cells (rows × columns); the playground takes ${count(limits.cells)} at most.`,
      );
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml"))
    throw new Error("This zip file is not an .xlsx workbook.");
}
