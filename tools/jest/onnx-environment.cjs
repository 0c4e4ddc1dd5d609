// Jest runs each test file in its own realm, with its own typed-array constructors; the
// onnxruntime-node addon returns tensors built in the main realm, and onnxruntime-common's
// `instanceof Float32Array` check then fails. Jest already shares Uint8Array and ArrayBuffer
// with the main realm for the same reason; this environment shares the other typed arrays.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxTestEnvironment;
