import { prf } from './metrics';
import { formatTable } from './table';

describe('formatTable', () => {
  it('aligns columns, counting full-width characters as two', () => {
    const table = formatTable(
      ['intent', 'f1'],
      [
        ['注文', 0.5],
        ['product_search', 1],
      ],
    );
    expect(table.split('\n')).toEqual([
      'intent          f1',
      '--------------  ------',
      '注文            0.5000',
      'product_search  1',
    ]);
  });
});

describe('prf', () => {
  it('computes precision, recall and F1 and is 0 where undefined', () => {
    expect(prf(8, 2, 8)).toEqual({ precision: 0.8, recall: 0.5, f1: 0.6154 });
    expect(prf(0, 0, 3)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
