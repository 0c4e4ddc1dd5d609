export * from './lib/free-port';
export * from './lib/onnx-writer';
