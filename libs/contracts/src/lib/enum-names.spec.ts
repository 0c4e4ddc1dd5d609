import { IntentSchema, Intent, RouteSchema, Route } from '../index';
import { enumNames, enumValueByName, enumValueName } from './enum-names';

describe('enum names for JSON and docs', () => {
  it('strips the type prefix and lowercases', () => {
    expect(enumValueName(IntentSchema, Intent.PRODUCT_SEARCH)).toBe('product_search');
    expect(enumValueName(RouteSchema, Route.TEMPLATE)).toBe('template');
  });
  it('maps names back to values and refuses unknown or unspecified names', () => {
    expect(enumValueByName(IntentSchema, 'order_status')).toBe(Intent.ORDER_STATUS);
    expect(enumValueByName(IntentSchema, 'ORDER_STATUS')).toBe(Intent.ORDER_STATUS);
    expect(enumValueByName(IntentSchema, 'unspecified')).toBeUndefined();
    expect(enumValueByName(IntentSchema, 'weather')).toBeUndefined();
  });
  it('lists the eleven intents of DESIGN.md', () => {
    expect(enumNames(IntentSchema)).toHaveLength(11);
  });
});
