import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { RegisterInput } from '../register/import.js';
import { decodeUtf8 } from '../utf8.js';

// Registers kept as spreadsheets: an .xlsx workbook, or a directory of <section>.csv files.

/** The register input a path holds when it is a workbook or a CSV directory; null otherwise. */
export async function readSheetInput(path: string): Promise<RegisterInput | null> {
  if (extname(path).toLowerCase() === '.xlsx')
    return { file: path, text: '', sheets: { format: 'xlsx', bytes: await readFile(path) } };
  if (!(await stat(path)).isDirectory()) return null;
  const names = (await readdir(path)).filter((n) => extname(n).toLowerCase() === '.csv').sort();
  if (names.length === 0) throw new NoCsvFilesError(`${path} is a directory with no .csv files`);
  const files = await Promise.all(
    names.map(async (name) => {
      const file = join(path, name);
      const { text, invalid } = decodeUtf8(await readFile(file));
      if (invalid)
        throw new NoCsvFilesError(
          `${file}:${invalid.line}: error: (document): not valid UTF-8 (byte ${invalid.byte}); save the file as UTF-8 (in Excel: CSV UTF-8)`,
        );
      return { name: basename(name, extname(name)), file, text };
    }),
  );
  return { file: path, text: '', sheets: { format: 'csv', files } };
}

/** A CSV directory that cannot be read as a register. */
export class NoCsvFilesError extends Error {}
