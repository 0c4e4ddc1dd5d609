module.exports = {
  displayName: 'intent',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // Several specs train a small model; the shared CI machine can be slow.
  testTimeout: 60_000,
};
