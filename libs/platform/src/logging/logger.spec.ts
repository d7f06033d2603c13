import { logFieldsOf } from './logger';

describe('log fields', () => {
  it('carry the request id, and the trace and span ids of traced work', () => {
    expect(logFieldsOf(undefined)).toEqual({});
    expect(logFieldsOf({ requestId: 'r-1', sqlStatements: 3 })).toEqual({ requestId: 'r-1' });
    expect(logFieldsOf({ requestId: 'r-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' })).toEqual({
      requestId: 'r-1',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
    });
  });
});
