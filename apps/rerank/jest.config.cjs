module.exports = {
  displayName: 'rerank',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
