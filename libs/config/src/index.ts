export * from './lib/parse-config';
export * from './lib/repo-paths';
export * from './lib/run-main';
export * from './lib/json-lines';
