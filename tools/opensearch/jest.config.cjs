module.exports = {
  displayName: 'opensearch',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
