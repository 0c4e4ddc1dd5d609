import {
  ONNX_FLOAT,
  ONNX_INT64,
  bytesField,
  floatTensor,
  onnxModel,
  onnxNode,
  stringField,
  valueInfo,
} from '@mangaassist/testing';

/** A float tensor initializer: name, dims and row-major values. */
export interface FloatTensor {
  name: string;
  dims: number[];
  values: number[];
}

/**
 * A real ONNX text classifier in miniature (opset 13): token embeddings, mean pooling over the
 * sequence, a linear layer. Inputs `input_ids` and `attention_mask` ([batch, sequence] int64,
 * as a BERT export has; the mask is declared but, as in this toy, unused), output `logits`
 * ([batch, labels] float).
 */
export function tinyOnnxClassifier(
  embedding: FloatTensor,
  linear: FloatTensor,
  bias: FloatTensor,
): Buffer {
  const labels = linear.dims[1];
  const graph = [
    ...bytesField(
      1,
      onnxNode({ op: 'Gather', inputs: [embedding.name, 'input_ids'], outputs: ['embedded'] }),
    ),
    ...bytesField(
      1,
      onnxNode({
        op: 'ReduceMean',
        inputs: ['embedded'],
        outputs: ['pooled'],
        ints: { axes: [1], keepdims: 0 },
      }),
    ),
    ...bytesField(
      1,
      onnxNode({ op: 'MatMul', inputs: ['pooled', linear.name], outputs: ['scores'] }),
    ),
    ...bytesField(1, onnxNode({ op: 'Add', inputs: ['scores', bias.name], outputs: ['logits'] })),
    ...stringField(2, 'tiny-text-classifier'),
    ...[embedding, linear, bias].flatMap((t) =>
      bytesField(5, floatTensor(t.name, t.dims, Float32Array.from(t.values))),
    ),
    ...bytesField(11, valueInfo('input_ids', ONNX_INT64, ['batch', 'sequence'])),
    ...bytesField(11, valueInfo('attention_mask', ONNX_INT64, ['batch', 'sequence'])),
    ...bytesField(12, valueInfo('logits', ONNX_FLOAT, ['batch', labels])),
  ];
  return Buffer.from(onnxModel(graph));
}
