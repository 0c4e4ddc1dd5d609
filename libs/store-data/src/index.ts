export * from './lib/records';
export * from './lib/jsonl-loader';
export * from './lib/to-documents';
export * from './lib/store-snapshot';
export * from './lib/retrieval-plan';
