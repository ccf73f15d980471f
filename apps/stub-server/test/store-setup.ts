// Global setup of the black-box suites: with STORE=redis a redis-server (one node), with
// STORE=cluster a local 3-master Redis Cluster, started once for the run and torn down after it;
// testStub() then puts every stub on it, each under a key prefix of its own (tests stay apart).
// Without STORE (or STORE=memory) the stubs keep the embedded memory store.
import type { TestProject } from 'vitest/node';
import { redisInstalled, startRedis, startRedisCluster } from './redis-harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis URL the stubs of this run use; '' = the memory store. */
    storeUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const kind = process.env.STORE ?? 'memory';
  if (kind === 'memory') {
    project.provide('storeUrl', '');
    return undefined;
  }
  if (kind !== 'redis' && kind !== 'cluster')
    throw new Error(`STORE must be memory, redis or cluster, got ${kind}`);
  if (!redisInstalled())
    throw new Error(`STORE=${kind} needs redis-server (apt-get install -y redis-server)`);
  const server = kind === 'cluster' ? await startRedisCluster() : await startRedis();
  project.provide('storeUrl', server.url);
  return () => server.destroy();
}
