module.exports = {
  displayName: 'intent',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
