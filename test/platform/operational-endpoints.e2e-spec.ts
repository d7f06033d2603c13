import { SERVICE_NAMES } from '@shopops/contracts';
import { metricValue, serviceUrl } from '@shopops/testing';

describe('probes and metrics on every process', () => {
  it.each(SERVICE_NAMES)('%s answers /health/live, /health/ready with its checks, and /metrics', async (service) => {
    const base = serviceUrl(service);
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok', service });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      service,
      status: 'ok',
      checks: { database: { ok: true }, redis: { ok: true }, queueBacklog: { ok: true } },
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const name of [
      'http_request_duration_seconds',
      'queue_jobs_total',
      'outbox_events_published_total',
      'db_queries_total',
      'process_cpu_seconds_total',
    ]) {
      expect(metrics).toContain(`# TYPE ${name}`);
    }
    expect(await metricValue(base, 'db_queries_total')).toBeGreaterThan(0);
    // The queue gauges, read from Redis at the scrape: the service's own queue by state, its age and its dead letters.
    expect(metrics).toMatch(new RegExp(`^queue_jobs\\{service="${service}",queue="${service}-events",state="waiting"\\} \\d+$`, 'm'));
    expect(metrics).toMatch(new RegExp(`^queue_oldest_waiting_seconds\\{service="${service}",queue="${service}-events"\\} [\\d.e+-]+$`, 'm'));
    expect(metrics).toMatch(new RegExp(`^queue_dead_letters\\{service="${service}",queue="${service}-events"\\} \\d+$`, 'm'));
  });
});
