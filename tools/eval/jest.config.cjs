module.exports = {
  displayName: 'eval',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
