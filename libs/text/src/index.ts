export * from './lib/normalize';
export * from './lib/locale';
export * from './lib/tokenize';
