module.exports = {
  displayName: 'retraining-queue',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
