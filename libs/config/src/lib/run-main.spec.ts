import { ConfigError } from './parse-config';
import { runMain } from './run-main';

describe('runMain', () => {
  it('exits 1 with the ConfigError message naming the variable', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    runMain(async () => {
      throw new ConfigError('intent', ['INTENT_PORT: expected a number (got "x")']);
    });
    await new Promise((r) => setImmediate(r));
    expect(write).toHaveBeenCalledWith(expect.stringContaining('INTENT_PORT: expected a number'));
    expect(exit).toHaveBeenCalledWith(1);
    exit.mockRestore();
    write.mockRestore();
  });
});
