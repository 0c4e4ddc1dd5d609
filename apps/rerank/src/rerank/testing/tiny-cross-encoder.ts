/**
 * A tiny but real cross-encoder for the adapter's tests (no model can be downloaded here): an
 * ONNX graph encoded by hand from onnx.proto3 field numbers, and a WordPiece tokenizer.json.
 * logits[b] = Σ_t mask[b,t] · (E[ids[b,t]] + T[type_ids[b,t]]) · w — every token of the pair
 * adds its own relevance, the query's and the document's, so documents containing the tokens
 * given weight rank first. Enough to test loading, pair encoding, batching and scoring.
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

/** One graph node (GraphProto field 1). */
function node(
  op: string,
  inputs: string[],
  outputs: string[],
  ints: Record<string, number> = {},
): number[] {
  return bytesField(1, onnxNode({ op, inputs, outputs, ints }));
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
    ...node('Cast', ['attention_mask'], ['mask'], { to: ONNX_FLOAT }),
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
    ...bytesField(11, valueInfo('input_ids', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('attention_mask', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(11, valueInfo('token_type_ids', ONNX_INT64, ['batch', 'seq'])),
    ...bytesField(12, valueInfo('logits', ONNX_FLOAT, ['batch', 1])),
  ];
  return onnxModel(graph);
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
