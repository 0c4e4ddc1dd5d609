import { ProtobufWriter } from './protobuf-writer';

// Field numbers and enum values from onnx/onnx.proto (IR version 8).
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

type Attribute = { name: string; int: number } | { name: string; ints: number[] };

/** A float tensor initializer: name, dims and row-major values. */
export interface FloatTensor {
  name: string;
  dims: number[];
  values: number[];
}

function tensor(w: ProtobufWriter, t: FloatTensor): void {
  w.ints(1, t.dims).int(2, FLOAT).packedFloats(4, t.values).string(8, t.name);
}

function valueInfo(w: ProtobufWriter, name: string, elemType: number, dims: (number | string)[]) {
  w.string(1, name).message(2, (type) =>
    type.message(1, (tensorType) =>
      tensorType.int(1, elemType).message(2, (shape) => {
        for (const dim of dims) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
        }
      }),
    ),
  );
}

function node(
  w: ProtobufWriter,
  op: string,
  inputs: string[],
  outputs: string[],
  attributes: Attribute[] = [],
) {
  w.strings(1, inputs).strings(2, outputs).string(3, `${op.toLowerCase()}_0`).string(4, op);
  for (const attribute of attributes) {
    w.message(5, (a) => {
      a.string(1, attribute.name);
      if ('int' in attribute) a.int(3, attribute.int).int(20, ATTRIBUTE_INT);
      else a.ints(8, attribute.ints).int(20, ATTRIBUTE_INTS);
    });
  }
}

/**
 * A real ONNX text classifier in miniature (opset 13): token embeddings, mean pooling over the
 * sequence, a linear layer. Inputs `input_ids` and `attention_mask` ([batch, sequence] int64,
 * as a BERT export has; the mask is declared but, as in this toy, unused), output `logits`
 * ([batch, labels] float).
 */
export function tinyOnnxClassifier(embedding: FloatTensor, linear: FloatTensor, bias: FloatTensor) {
  const labels = linear.dims[1];
  return new ProtobufWriter()
    .int(1, 8)
    .string(2, 'mangaassist-tests')
    .message(7, (g) => {
      g.message(1, (n) => node(n, 'Gather', [embedding.name, 'input_ids'], ['embedded']));
      g.message(1, (n) =>
        node(
          n,
          'ReduceMean',
          ['embedded'],
          ['pooled'],
          [
            { name: 'axes', ints: [1] },
            { name: 'keepdims', int: 0 },
          ],
        ),
      );
      g.message(1, (n) => node(n, 'MatMul', ['pooled', linear.name], ['scores']));
      g.message(1, (n) => node(n, 'Add', ['scores', bias.name], ['logits']));
      g.string(2, 'tiny-text-classifier');
      for (const t of [embedding, linear, bias]) g.message(5, (w) => tensor(w, t));
      g.message(11, (w) => valueInfo(w, 'input_ids', INT64, ['batch', 'sequence']));
      g.message(11, (w) => valueInfo(w, 'attention_mask', INT64, ['batch', 'sequence']));
      g.message(12, (w) => valueInfo(w, 'logits', FLOAT, ['batch', labels]));
    })
    .message(8, (o) => o.string(1, '').int(2, 13))
    .finish();
}
