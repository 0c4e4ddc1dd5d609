export { KNN_VERSION, OPENSEARCH_VERSION } from './lib/distribution';
export { type OpenSearchInstall, defaultCacheDir, provisionOpenSearch } from './lib/provision';
export {
  type RunningOpenSearch,
  type StartOpenSearchOptions,
  startOpenSearch,
} from './lib/start-opensearch';
