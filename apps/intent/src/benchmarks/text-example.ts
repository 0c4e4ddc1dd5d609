/** One labelled text of a benchmark data set; labels are the data set's own names. */
export interface TextExample {
  text: string;
  label: string;
}

/** A data set split for training (train), tuning (val) and reporting (test). */
export interface BenchmarkSplits {
  train: TextExample[];
  val: TextExample[];
  test: TextExample[];
}
