import { stat, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseCsv } from './csv';
import type { TextExample } from './text-example';

export interface Banking77Files {
  trainPath: string;
  testPath: string;
}

/** `--path` may name the folder or its train.csv; test.csv is read from the same folder. */
export async function locateBanking77(path: string): Promise<Banking77Files> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch {
    throw new Error(`${path}: no such file or folder`);
  }
  const folder = isDirectory ? path : dirname(path);
  const trainPath = isDirectory ? join(path, 'train.csv') : path;
  if (!isDirectory && basename(path) !== 'train.csv') {
    throw new Error(`${path}: expected the BANKING77 folder or its train.csv`);
  }
  return { trainPath, testPath: join(folder, 'test.csv') };
}

/** Reads one BANKING77 CSV (`text,category` header, RFC 4180 quoting). */
export async function readBanking77Csv(path: string): Promise<TextExample[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read: ${(error as Error).message}`);
  }
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header || header[0] !== 'text' || header[1] !== 'category') {
    throw new Error(`${path}: expected the header "text,category", got "${header?.join(',')}"`);
  }
  return rows.map((row, index) => {
    if (row.length !== 2 || row[0].trim() === '' || row[1].trim() === '') {
      throw new Error(`${path}: record ${index + 1} must have a text and a category`);
    }
    return { text: row[0], label: row[1] };
  });
}
