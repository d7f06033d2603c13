import { hostedEnvironment, hostedServices } from '../../scripts/run-services';

describe('one process hosting services', () => {
  it('hosts every service for "all" (and by default), the gateway last', () => {
    expect(hostedServices('all')).toEqual(['catalog', 'inventory', 'membership', 'customer-service', 'analytics', 'gateway']);
    expect(hostedServices()).toEqual(hostedServices('all'));
  });

  it('hosts the services a comma list names, in start order, whatever order they are written in', () => {
    expect(hostedServices(' gateway, inventory ,catalog')).toEqual(['catalog', 'inventory', 'gateway']);
    expect(hostedServices('analytics')).toEqual(['analytics']);
  });

  it.each(['', ',', 'catalog,,inventory', 'catalog,orders', 'ALL', 'catalog;inventory', 'cata\u0000log', '__proto__'])(
    'refuses SERVICES=%j, naming the choices',
    (value) => {
      expect(() => hostedServices(value)).toThrow(
        /SERVICES: expected "all" or a comma list of gateway, catalog, inventory, membership, customer-service, analytics/,
      );
    },
  );

  it("gives each service its own port as PORT: <SERVICE>_PORT, else the service's default", () => {
    const env = { PORT: '9999', INVENTORY_PORT: '5002', CUSTOMER_SERVICE_PORT: '5004', DATABASE_URL: 'postgres://x@h/db' };
    expect(hostedEnvironment('inventory', env)).toEqual({ ...env, PORT: '5002' });
    expect(hostedEnvironment('customer-service', env).PORT).toBe('5004');
    expect(hostedEnvironment('catalog', env).PORT).toBe('4001');
    expect(hostedEnvironment('gateway', env).PORT).toBe('4000');
  });
});
