import { Intent } from '@mangaassist/contracts';
import { INTENT_LABELS } from '../classifier/labelled-examples';
import { intentOfLabel } from './intent-labels';

describe('intentOfLabel', () => {
  it('maps every data label to its enum value', () => {
    expect(intentOfLabel('product_search')).toBe(Intent.PRODUCT_SEARCH);
    expect(intentOfLabel('out_of_scope')).toBe(Intent.OUT_OF_SCOPE);
    expect(new Set(INTENT_LABELS.map(intentOfLabel)).size).toBe(11);
  });

  it('refuses unknown labels', () => {
    expect(() => intentOfLabel('smalltalk')).toThrow(/unknown intent label/);
  });
});
