/**
 * Browser test host: the web shell (electron/web) with a fresh ScoutService on a real SQLite file. Give it a
 * Chromium and it also prints reports with it, as the CLI does.
 */
import type { Browser } from 'playwright-core';
import { ScoutService, type ServiceOptions } from '../../electron/core/service';
import { serveWeb } from '../../electron/web/web-shell';
import { printRoute } from '../../electron/web/chromium-printer';
import { installCallFaults, type CallFaults } from './faults';

export interface TestHost {
  url: string;
  service: ScoutService;
  /** Makes core operations fail on demand (faults.ts). */
  faults: CallFaults;
  close(): Promise<void>;
}

export async function startHost(options: {
  dataDir: string;
  port?: number;
  serviceOptions?: Omit<ServiceOptions, 'dataDir' | 'version'>;
  /** Prints reports (reports.pdf) with this browser. */
  printWith?: Browser;
}): Promise<TestHost> {
  let baseUrl = '';
  const printer = options.printWith;
  const service = await ScoutService.open({
    dataDir: options.dataDir,
    version: 'test',
    ...options.serviceOptions,
    ...(printer ? { printPdf: (route: string) => printRoute(printer, baseUrl, route) } : {}),
  });
  const faults = installCallFaults(service);
  const web = await serveWeb(service, { port: options.port });
  baseUrl = web.url;
  return {
    url: web.url,
    service,
    faults,
    async close() {
      await web.close();
      await service.close();
    },
  };
}
