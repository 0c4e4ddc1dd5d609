import { bytesField, intField, onnxModel, onnxNode, stringField } from './onnx-writer';

describe('ONNX writer', () => {
  it('encodes protobuf fields with varints', () => {
    expect(intField(1, 300)).toEqual([0x08, 0xac, 0x02]);
    expect(stringField(4, 'Add')).toEqual([0x22, 3, 0x41, 0x64, 0x64]);
    expect(bytesField(1, [1, 2])).toEqual([0x0a, 2, 1, 2]);
  });

  it('writes node attributes and a model header (IR 8, opset 13)', () => {
    const node = onnxNode({
      op: 'ReduceSum',
      inputs: ['x'],
      outputs: ['y'],
      ints: { keepdims: 0 },
    });
    expect(Buffer.from(node).includes(Buffer.from('keepdims'))).toBe(true);
    const model = onnxModel(bytesField(1, node));
    expect([...model.slice(0, 2)]).toEqual([0x08, 8]);
    expect(Buffer.from(model).includes(Buffer.from('mangaassist-tests'))).toBe(true);
  });
});
