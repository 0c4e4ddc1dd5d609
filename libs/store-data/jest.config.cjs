module.exports = {
  displayName: 'store-data',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
