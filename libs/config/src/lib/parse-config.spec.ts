import { z } from 'zod';
import { ConfigError, address, flag, parseConfig, port } from './parse-config';

const schema = z.object({
  INTENT_PORT: port(50051),
  RETRIEVAL_ADDR: address('127.0.0.1:50052'),
  VERBOSE: flag(false),
});

describe('parseConfig', () => {
  it('uses the embedded defaults with an empty environment', () => {
    expect(parseConfig('intent', schema, {})).toEqual({
      INTENT_PORT: 50051,
      RETRIEVAL_ADDR: '127.0.0.1:50052',
      VERBOSE: false,
    });
  });

  it('treats an empty variable as unset rather than as an empty address', () => {
    expect(parseConfig('intent', schema, { RETRIEVAL_ADDR: '  ' }).RETRIEVAL_ADDR).toBe(
      '127.0.0.1:50052',
    );
  });

  it('names every bad variable and the value it got', () => {
    try {
      parseConfig('intent', schema, {
        INTENT_PORT: 'eighty',
        RETRIEVAL_ADDR: 'retrieval',
        VERBOSE: 'maybe',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/INTENT_PORT: .*\(got "eighty"\)/);
      expect(message).toMatch(/RETRIEVAL_ADDR: must be host:port \(got "retrieval"\)/);
      expect(message).toMatch(/VERBOSE/);
    }
  });
});
