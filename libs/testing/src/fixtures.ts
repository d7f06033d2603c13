/** Sample integrator payloads, shaped exactly as CONTRACT.md shows them. */
export function orderData(orderId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderId,
    buyer: { platformUserId: `tb_${orderId}`, nickname: '小雨', phone: '13800138000' },
    lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 99900 }],
    totalFen: 99900,
    region: '310000',
    // Placed now: inventory counts the payment window from here.
    placedAt: new Date().toISOString(),
    ...overrides,
  };
}
