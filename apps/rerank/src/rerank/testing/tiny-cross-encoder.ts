/**
 * A tiny but real cross-encoder for the adapter's tests (no model can be downloaded here): an
 * ONNX graph encoded by hand from onnx.proto3 field numbers, and a WordPiece tokenizer.json.
 * logits[b] = Σ_t mask[b,t] · (E[ids[b,t]] + T[type_ids[b,t]]) · w — every token of the pair
 * adds its own relevance, the query's and the document's, so documents containing the tokens
 * given weight rank first. Enough to test loading, pair encoding, batching and scoring.
 */

const FLOAT = 1;
const INT64 = 7;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 127) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
const key = (field: number, wire: number) => varint(field * 8 + wire);
const bytesField = (field: number, payload: number[] | Uint8Array) => [
  ...key(field, 2),
  ...varint(payload.length),
  ...payload,
];
const stringField = (field: number, text: string) =>
  bytesField(field, [...Buffer.from(text, 'utf8')]);
const intField = (field: number, value: number) => [...key(field, 0), ...varint(value)];

function floatTensor(name: string, dims: number[], values: Float32Array): number[] {
  return [
    ...dims.flatMap((d) => intField(1, d)),
    ...intField(2, FLOAT),
    ...stringField(8, name),
    ...bytesField(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength)),
  ];
}

function int64Tensor(name: string, values: number[]): number[] {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
  return [
    ...intField(1, values.length),
    ...intField(2, INT64),
    ...stringField(8, name),
    ...bytesField(9, [...raw]),
  ];
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) =>
    bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)),
  );
  return [
    ...stringField(1, name),
    ...bytesField(2, bytesField(1, [...intField(1, elemType), ...bytesField(2, shape)])),
  ];
}

function node(
  op: string,
  inputs: string[],
  outputs: string[],
  ints: Record<string, number> = {},
): number[] {
  return bytesField(1, [
    ...inputs.flatMap((i) => stringField(1, i)),
    ...outputs.flatMap((o) => stringField(2, o)),
    ...stringField(4, op),
    ...Object.entries(ints).flatMap(([name, value]) =>
      bytesField(5, [...stringField(1, name), ...intField(3, value), ...intField(20, 2)]),
    ),
  ]);
}

/** The tests' vocabulary; `relevance` gives each token its contribution to the logit. */
export const CROSS_ENCODER_VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'pirate',
  '##s',
  'sea',
  '海',
  '賊',
  'doctor',
  'boy',
  'king',
  'the',
  'of',
  'a',
];

export function tinyCrossEncoder(relevance: Readonly<Record<string, number>>): Uint8Array {
  const vocab = CROSS_ENCODER_VOCAB.length;
  const dims = 2;
  // Dimension 0 carries the relevance, dimension 1 a constant that w ignores.
  const table = new Float32Array(vocab * dims);
  CROSS_ENCODER_VOCAB.forEach((token, i) => {
    table[i * dims] = relevance[token] ?? 0;
    table[i * dims + 1] = 1;
  });
  const types = Float32Array.from([0, 0, 0.01, 0]);
  const w = Float32Array.from([1, 0]);
  const graph = [
    ...node('Gather', ['table', 'input_ids'], ['tokens'], { axis: 0 }),
    ...node('Gather', ['types', 'token_type_ids'], ['segments'], { axis: 0 }),
    ...node('Add', ['tokens', 'segments'], ['embedded']),
    ...node('Cast', ['attention_mask'], ['mask'], { to: FLOAT }),
    ...node('Unsqueeze', ['mask', 'axis2'], ['mask3']),
    ...node('Mul', ['embedded', 'mask3'], ['masked']),
    ...node('ReduceSum', ['masked', 'axis1'], ['pooled'], { keepdims: 0 }),
    ...node('MatMul', ['pooled', 'w'], ['logits']),
    ...stringField(2, 'tiny-cross-encoder'),
    ...bytesField(5, floatTensor('table', [vocab, dims], table)),
    ...bytesField(5, floatTensor('types', [2, dims], types)),
    ...bytesField(5, floatTensor('w', [dims, 1], w)),
    ...bytesField(5, int64Tensor('axis1', [1])),
    ...bytesField(5, int64Tensor('axis2', [2])),
    ...bytesField(11, valueInfo('input_ids', INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('attention_mask', INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('token_type_ids', INT64, ['batch', 'seq'])),
    ...bytesField(12, valueInfo('logits', FLOAT, ['batch', 1])),
  ];
  return Uint8Array.from([
    ...intField(1, 8),
    ...stringField(2, 'mangaassist-tests'),
    ...bytesField(7, graph),
    ...bytesField(8, [...stringField(1, ''), ...intField(2, 13)]),
  ]);
}

export function crossEncoderTokenizerJson(): string {
  const id = (token: string) => CROSS_ENCODER_VOCAB.indexOf(token);
  return JSON.stringify({
    normalizer: { type: 'BertNormalizer', lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'BertProcessing',
      sep: ['[SEP]', id('[SEP]')],
      cls: ['[CLS]', id('[CLS]')],
    },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      vocab: Object.fromEntries(CROSS_ENCODER_VOCAB.map((t, i) => [t, i])),
    },
  });
}
