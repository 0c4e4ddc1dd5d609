export * from './lib/normalize';
export * from './lib/locale';
export * from './lib/tokenize';
export * from './lib/store-lexicon';
export * from './lib/subword-tokenizer';
export * from './lib/romaji';
export * from './lib/query-cues';
