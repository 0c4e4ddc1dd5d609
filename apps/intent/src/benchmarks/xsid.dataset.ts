import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One xSID sentence: its text with tokens joined as written, and the xSID intent. */
export interface XsidSentence {
  file: string;
  text: string;
  intent: string;
}

/**
 * Parses an xSID CoNLL file (van der Goot et al., 2021): blocks separated by blank lines, `#`
 * comment lines (`# intent = weather/find`), then `index<TAB>token<TAB>intent<TAB>slot`. Tokens
 * are joined with `separator`: nothing for Japanese, which is written without spaces and whose
 * `# text` line is tokenised with spaces only for the data set.
 */
export function parseXsidConll(content: string, file: string, separator = ''): XsidSentence[] {
  const sentences: XsidSentence[] = [];
  for (const block of content.split(/\r?\n[ \t]*\r?\n/)) {
    const lines = block.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const intentLine = lines.find((line) => /^#\s*intent\s*=/.test(line));
    const tokens = lines
      .filter((line) => !line.startsWith('#'))
      .map((line) => line.split('\t')[1] ?? '')
      .filter((token) => token !== '');
    if (!intentLine || tokens.length === 0) continue;
    sentences.push({
      file,
      text: tokens.join(separator),
      intent: intentLine.replace(/^#\s*intent\s*=\s*/, '').trim(),
    });
  }
  return sentences;
}

/** Every `ja.*.conll` file of a folder (or the one file given), parsed. */
export async function readXsidJapanese(path: string): Promise<XsidSentence[]> {
  let files: string[];
  try {
    files = (await stat(path)).isDirectory()
      ? (await readdir(path))
          .filter((name) => /^ja\..*\.conll$/.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch {
    throw new Error(`${path}: no such file or folder`);
  }
  if (files.length === 0) throw new Error(`${path}: no ja.*.conll files`);
  const sentences: XsidSentence[] = [];
  for (const file of files) {
    sentences.push(...parseXsidConll(await readFile(file, 'utf8'), basename(file)));
  }
  if (sentences.length === 0) throw new Error(`${path}: no sentences with an intent`);
  return sentences;
}
