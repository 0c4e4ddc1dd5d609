/**
 * Encodes tiny but real ONNX models for tests: no model can be downloaded here, so tests build
 * one. The protobuf is written by hand from onnx.proto3's field numbers, which is enough for a
 * few nodes and initializers (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto).
 */

/** TensorProto.DataType values. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

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

/** A length-delimited field (an embedded message, bytes or a string). */
export function bytesField(field: number, payload: number[] | Uint8Array): number[] {
  return [...key(field, 2), ...varint(payload.length), ...payload];
}

export function stringField(field: number, text: string): number[] {
  return bytesField(field, [...Buffer.from(text, 'utf8')]);
}

export function intField(field: number, value: number): number[] {
  return [...key(field, 0), ...varint(value)];
}

/** A float32 initializer (TensorProto) with raw little-endian data. */
export function floatTensor(name: string, dims: number[], values: Float32Array): number[] {
  return [
    ...dims.flatMap((d) => intField(1, d)),
    ...intField(2, ONNX_FLOAT),
    ...stringField(8, name),
    ...bytesField(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength)),
  ];
}

/** A one-dimensional int64 initializer (shapes, axes). */
export function int64Tensor(name: string, values: number[]): number[] {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
  return [
    ...intField(1, values.length),
    ...intField(2, ONNX_INT64),
    ...stringField(8, name),
    ...bytesField(9, [...raw]),
  ];
}

/** A graph input or output: a tensor type with symbolic ("batch") or fixed dimensions. */
export function valueInfo(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) =>
    bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)),
  );
  const tensorType = [...intField(1, elemType), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

export interface OnnxNodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes (axis, keepdims) and integer-list attributes (axes, perm). */
  ints?: Record<string, number | number[]>;
}

/** A NodeProto's fields; wrap it with `bytesField(1, …)` to add it to a graph. */
export function onnxNode(spec: OnnxNodeSpec): number[] {
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

/** A ModelProto (IR version 8, opset 13) around a GraphProto's fields. */
export function onnxModel(graph: number[], producer = 'mangaassist-tests'): Uint8Array {
  return Uint8Array.from([
    ...intField(1, 8),
    ...stringField(2, producer),
    ...bytesField(7, graph),
    ...bytesField(8, [...stringField(1, ''), ...intField(2, 13)]),
  ]);
}
