module.exports = {
  displayName: 'stack',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
