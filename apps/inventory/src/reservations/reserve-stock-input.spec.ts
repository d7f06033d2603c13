import { GraphQLError } from 'graphql';
import { checkReserveStockInput, type ReserveStockFields } from './reserve-stock-input';

const valid: ReserveStockFields = { channel: 'mall', orderId: 'MALL-1', lines: [{ skuCode: 'SKU-1', quantity: 2 }], region: '440300', buyerId: null };

function fieldsOf(input: ReserveStockFields): string[] {
  try {
    checkReserveStockInput(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.fields as string[];
  }
}

describe('checkReserveStockInput', () => {
  it('passes a valid order, with or without the optional fields', () => {
    expect(fieldsOf(valid)).toEqual([]);
    expect(fieldsOf({ channel: 'mall', orderId: 'x', lines: [{ skuCode: 'S', quantity: 100_000 }] })).toEqual([]);
  });

  it('names every bad field in the order they are declared', () => {
    expect(
      fieldsOf({
        channel: 'Mall',
        orderId: '',
        lines: [
          { skuCode: 'S', quantity: 0 },
          { skuCode: 'x'.repeat(65), quantity: 100_001 },
        ],
        region: 'shanghai',
        buyerId: '',
      }),
    ).toEqual(['channel', 'orderId', 'lines.0.quantity', 'lines.1.skuCode', 'lines.1.quantity', 'region', 'buyerId']);
    expect(fieldsOf({ ...valid, lines: [] })).toEqual(['lines']);
    expect(fieldsOf({ ...valid, lines: Array.from({ length: 201 }, () => ({ skuCode: 'S', quantity: 1 })) })).toEqual(['lines']);
  });

  it('refuses text no table can hold', () => {
    expect(fieldsOf({ ...valid, orderId: 'MALL-\u0000' })).toEqual(['orderId']);
  });
});
