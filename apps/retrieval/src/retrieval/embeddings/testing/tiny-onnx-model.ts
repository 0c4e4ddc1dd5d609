/**
 * Writes tiny but real ONNX models and tokenizer files for the adapters' tests: no model can be
 * downloaded here, so the tests build one with the ONNX writer of @mangaassist/testing.
 */
import {
  ONNX_FLOAT,
  ONNX_INT64,
  bytesField,
  floatTensor,
  int64Tensor,
  onnxModel,
  onnxNode,
  stringField,
  valueInfo,
} from '@mangaassist/testing';

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
      onnxNode({
        op: 'Gather',
        inputs: ['table', 'input_ids'],
        outputs: ['embedded'],
        ints: { axis: 0 },
      }),
    ),
    ...bytesField(
      1,
      onnxNode({
        op: 'Cast',
        inputs: ['attention_mask'],
        outputs: ['mask'],
        ints: { to: ONNX_FLOAT },
      }),
    ),
    ...bytesField(1, onnxNode({ op: 'Unsqueeze', inputs: ['mask', 'axes'], outputs: ['mask3'] })),
    ...bytesField(
      1,
      onnxNode({ op: 'Mul', inputs: ['embedded', 'mask3'], outputs: ['last_hidden_state'] }),
    ),
    ...stringField(2, 'tiny-embedder'),
    ...bytesField(5, floatTensor('table', [vocab, dims], table)),
    ...bytesField(5, int64Tensor('axes', [2])),
    ...bytesField(11, valueInfo('input_ids', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('attention_mask', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('token_type_ids', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(12, valueInfo('last_hidden_state', ONNX_FLOAT, ['batch', 'seq', dims])),
  ];
  return onnxModel(graph);
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
