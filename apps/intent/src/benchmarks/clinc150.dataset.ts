import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { BenchmarkSplits, TextExample } from './text-example';

/** The label CLINC150 gives out-of-scope queries; it appears only in the oos_* splits. */
export const CLINC_OOS_LABEL = 'oos';

const pairs = z.array(z.tuple([z.string(), z.string()]));
const clincSchema = z.object({
  train: pairs,
  val: pairs,
  test: pairs,
  oos_train: pairs,
  oos_val: pairs,
  oos_test: pairs,
});

/**
 * Reads CLINC150 `data_full.json` (Larson et al., 2019). The out-of-scope queries join each
 * split as one more class, `oos`: the paper's "oos-train" setting, where oos_train is trained on
 * as a 151st intent, oos_val is tuned on and oos_test is only reported.
 */
export async function readClinc150(path: string): Promise<BenchmarkSplits> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read CLINC150 data: ${(error as Error).message}`);
  }
  const parsed = clincSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path}: not a CLINC150 data_full.json: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
  }
  const d = parsed.data;
  const examples = (rows: [string, string][]): TextExample[] =>
    rows.map(([text, label]) => ({ text, label }));
  return {
    train: [...examples(d.train), ...examples(d.oos_train)],
    val: [...examples(d.val), ...examples(d.oos_val)],
    test: [...examples(d.test), ...examples(d.oos_test)],
  };
}
