import { create } from '@bufbuild/protobuf';
import { ClassifyRequestSchema, Locale } from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { validateClassifyRequest } from './classify-request.validation';

function messageOf(text: string, locale = Locale.UNSPECIFIED): string {
  try {
    validateClassifyRequest(create(ClassifyRequestSchema, { text, locale }));
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    return ((error as RpcException).getError() as { message: string }).message;
  }
}

describe('validateClassifyRequest', () => {
  it('rejects empty and whitespace-only text', () => {
    for (const text of ['', ' ', '\n\t', '\u3000\u3000'])
      expect(messageOf(text)).toBe('text: must not be empty');
  });

  it('accepts 2,000 characters and rejects more, counting emoji once', () => {
    expect(messageOf('あ'.repeat(2000))).toBe('ok');
    expect(messageOf('🙂'.repeat(2000))).toBe('ok');
    expect(messageOf('a'.repeat(2001))).toBe('text: must be at most 2,000 characters (got 2,001)');
    expect(messageOf('x'.repeat(10_000))).toMatch(
      /^text: must be at most 2,000 characters \(got 10,000\)$/,
    );
  });

  it('accepts text that is only emoji or control characters (classified, not rejected)', () => {
    expect(messageOf('🙂🙂')).toBe('ok');
    expect(messageOf('\u0000\u0007')).toBe('ok');
  });

  it('rejects a locale outside the enum', () => {
    expect(messageOf('hello', 7 as Locale)).toBe('locale: unknown value 7');
    expect(messageOf('こんにちは', Locale.JA)).toBe('ok');
  });
});
