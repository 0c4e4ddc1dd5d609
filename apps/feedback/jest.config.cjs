module.exports = {
  displayName: 'feedback',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
