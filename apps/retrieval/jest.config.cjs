module.exports = {
  displayName: 'retrieval',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
