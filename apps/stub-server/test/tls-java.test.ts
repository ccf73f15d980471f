// The Java truststore the stub writes beside its CA is one a JVM trusts as printed in the banner
// (-Djavax.net.ssl.trustStore…): a Java 11+ HttpClient reaches the stub over HTTPS directly and as
// console.tim.qq.com through its CONNECT proxy. Skipped where no `java` is installed.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stub, startStub } from '../src/stub.js';

function javaVersion(): string | undefined {
  try {
    return (
      execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || 'java'
    );
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? undefined : 'java';
  }
}
const java = javaVersion();
if (java === undefined) console.warn('tls-java: skipped, no `java` on PATH');

describe.skipIf(java === undefined)('the Java truststore', () => {
  let stub: Stub;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tim-stub-java-'));
    stub = await startStub({ port: 0, logLevel: 'silent', tls: { dir } });
  });
  afterAll(async () => {
    await stub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is trusted by a JVM given the printed -Djavax.net.ssl.trustStore flags, directly and through CONNECT', async () => {
    const tls = stub.tls as NonNullable<Stub['tls']>;
    const query = new URL(stub.commandUrl('getContactGroup')).search;
    const { stdout } = await promisify(execFile)(
      'java',
      [
        `-Djavax.net.ssl.trustStore=${tls.truststoreFile}`,
        `-Djavax.net.ssl.trustStorePassword=${tls.truststorePassword}`,
        '-Djavax.net.ssl.trustStoreType=PKCS12',
        '-Dhttps.proxyHost=127.0.0.1',
        `-Dhttps.proxyPort=${stub.port}`,
        // Java does not proxy loopback by default: the direct call goes straight to the stub.
        fileURLToPath(new URL('./fixtures/TrustProbe.java', import.meta.url)),
        `https://localhost:${stub.port}/v4/recentcontact/get_contact_group${query}`,
        `https://console.tim.qq.com/v4/recentcontact/get_contact_group${query}`,
      ],
      { timeout: 60_000 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^200 \{.*"ErrorCode":0/);
  }, 90_000);
});
