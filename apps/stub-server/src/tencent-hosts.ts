// The Tencent Cloud IM API hosts, read from the spec's servers (REGIONS, generated), never a second
// list: the TLS certificate covers them and the CONNECT proxy answers for them, each host standing
// for its region.
import { REGIONS, type Region } from '@tim-marks/types';

/** hostname (lower case) → region, e.g. `adminapisgp.im.qcloud.com` → `singapore`. */
export const TENCENT_API_HOSTS: ReadonlyMap<string, Region> = new Map(
  (Object.entries(REGIONS) as [Region, string][]).map(([region, url]) => [new URL(url).hostname, region]),
);

/** The port every Tencent API host serves HTTPS on; CONNECT to another port of theirs is refused. */
export const TENCENT_API_PORT = 443;

/** The names the generated certificate covers: loopback, then every Tencent API host. */
export const CERTIFICATE_HOSTS: readonly string[] = [
  'localhost',
  '127.0.0.1',
  '::1',
  ...TENCENT_API_HOSTS.keys(),
];
