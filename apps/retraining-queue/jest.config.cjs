module.exports = {
  displayName: 'retraining-queue',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // hyparquet and hyparquet-writer ship ESM only; SWC turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet|hyparquet-writer)/)'],
};
