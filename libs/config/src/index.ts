export * from './lib/parse-config';
export * from './lib/repo-paths';
