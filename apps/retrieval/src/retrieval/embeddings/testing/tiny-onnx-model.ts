/**
 * Writes tiny but real ONNX models and tokenizer files for the adapters' tests: no model can be
 * downloaded here, so the tests build one. The protobuf is encoded by hand (ONNX's
 * onnx.proto3 field numbers), which is enough for a few nodes and initializers.
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

function key(field: number, wire: number): number[] {
  return varint(field * 8 + wire);
}

function bytesField(field: number, payload: number[] | Uint8Array): number[] {
  return [...key(field, 2), ...varint(payload.length), ...payload];
}

function stringField(field: number, text: string): number[] {
  return bytesField(field, [...Buffer.from(text, 'utf8')]);
}

function intField(field: number, value: number): number[] {
  return [...key(field, 0), ...varint(value)];
}

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

/** A tensor type with symbolic ("batch") or fixed dimensions. */
function valueInfo(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) =>
    bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)),
  );
  const tensorType = [...intField(1, elemType), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number | number[]>;
}

function node(spec: NodeSpec): number[] {
  const attributes = Object.entries(spec.ints ?? {}).map(([name, value]) =>
    Array.isArray(value)
      ? bytesField(5, [
          ...stringField(1, name),
          ...value.flatMap((v) => intField(8, v)),
          ...intField(20, 7),
        ])
      : bytesField(5, [...stringField(1, name), ...intField(3, value), ...intField(20, 2)]),
  );
  return [
    ...spec.inputs.flatMap((i) => stringField(1, i)),
    ...spec.outputs.flatMap((o) => stringField(2, o)),
    ...stringField(4, spec.op),
    ...attributes.flat(),
  ];
}

function model(graph: number[]): Uint8Array {
  return Uint8Array.from([
    ...intField(1, 8),
    ...stringField(2, 'mangaassist-tests'),
    ...bytesField(7, graph),
    ...bytesField(8, [...stringField(1, ''), ...intField(2, 13)]),
  ]);
}

/** Deterministic pseudo-random embedding rows. */
export function embeddingTable(vocab: number, dims: number, seed = 1): Float32Array {
  const table = new Float32Array(vocab * dims);
  let state = seed;
  for (let i = 0; i < table.length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    table[i] = state / 2 ** 31 - 0.5;
  }
  return table;
}

/**
 * A sentence-transformer-shaped model: inputs input_ids, attention_mask, token_type_ids
 * [batch, seq] int64; output last_hidden_state [batch, seq, dims] = the token's embedding row
 * times its attention mask (so padding contributes zeros, as in a real encoder's output).
 */
export function tinyEmbeddingModel(table: Float32Array, vocab: number, dims: number): Uint8Array {
  const graph = [
    ...bytesField(
      1,
      node({
        op: 'Gather',
        inputs: ['table', 'input_ids'],
        outputs: ['embedded'],
        ints: { axis: 0 },
      }),
    ),
    ...bytesField(
      1,
      node({ op: 'Cast', inputs: ['attention_mask'], outputs: ['mask'], ints: { to: FLOAT } }),
    ),
    ...bytesField(1, node({ op: 'Unsqueeze', inputs: ['mask', 'axes'], outputs: ['mask3'] })),
    ...bytesField(
      1,
      node({ op: 'Mul', inputs: ['embedded', 'mask3'], outputs: ['last_hidden_state'] }),
    ),
    ...stringField(2, 'tiny-embedder'),
    ...bytesField(5, floatTensor('table', [vocab, dims], table)),
    ...bytesField(5, int64Tensor('axes', [2])),
    ...bytesField(11, valueInfo('input_ids', INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('attention_mask', INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('token_type_ids', INT64, ['batch', 'seq'])),
    ...bytesField(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'seq', dims])),
  ];
  return model(graph);
}

/** A BERT-style WordPiece tokenizer.json over the given tokens (ids in order). */
export function wordPieceTokenizerJson(tokens: readonly string[]): string {
  return JSON.stringify({
    normalizer: { type: 'BertNormalizer', lowercase: true, handle_chinese_chars: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [tokens.indexOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [tokens.indexOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(tokens.map((t, i) => [t, i])),
    },
  });
}

/** The vocabulary of the tests' tokenizer: specials, English words, Japanese characters. */
export const TINY_VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'one',
  'piece',
  'pirate',
  'pirates',
  'king',
  'of',
  'the',
  'sea',
  'dark',
  'psychological',
  'note',
  'death',
  'detective',
  'notebook',
  'a',
  'boy',
  '##s',
  '海',
  '賊',
  '王',
  '少',
  '年',
  'ワ',
  '##ン',
  '##ピ',
  '##ー',
  '##ス',
  '鬼',
  '滅',
  '刃',
  'query',
  ':',
  'passage',
  'shipping',
  'free',
  'orders',
  'ship',
];
