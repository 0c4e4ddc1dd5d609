// onnxruntime-node builds its output tensors in Node's main realm, while Jest runs each test file
// in a separate realm whose Float32Array is a different constructor, so onnxruntime's own
// `instanceof Float32Array` check fails inside Jest ("A float32 tensor's data must be type of
// Float32Array"). Sharing the main realm's typed-array constructors removes the mismatch.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const TYPED_ARRAYS = [
  'ArrayBuffer',
  'Uint8Array',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class SharedTypedArrayEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = SharedTypedArrayEnvironment;
