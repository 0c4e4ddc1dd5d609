import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain and quoted fields, with commas, doubled quotes and newlines inside quotes', () => {
    const csv = 'text,category\nhello,greeting\n"a, b",x\n"say ""hi""",y\n"two\nlines",z\n';
    expect(parseCsv(csv)).toEqual([
      ['text', 'category'],
      ['hello', 'greeting'],
      ['a, b', 'x'],
      ['say "hi"', 'y'],
      ['two\nlines', 'z'],
    ]);
  });

  it('accepts CRLF, a byte-order mark, Japanese text and a missing final newline', () => {
    expect(parseCsv('\ufefftext,category\r\n返品したい,refund\r\n"送料, いくら",fee')).toEqual([
      ['text', 'category'],
      ['返品したい', 'refund'],
      ['送料, いくら', 'fee'],
    ]);
  });

  it('keeps empty fields and rejects an unterminated quote', () => {
    expect(parseCsv('a,,c\n')).toEqual([['a', '', 'c']]);
    expect(() => parseCsv('"open,1\n')).toThrow(/unterminated/);
  });
});
