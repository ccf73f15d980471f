// The certificate the stub serves HTTPS with. Generated mode keeps a CA in the TLS directory and
// reuses it across restarts, so a CA a machine trusts once stays trusted; only the leaf is
// re-issued, when it is missing, expires within LEAF_RENEW_BEFORE_MS, was not issued by that CA or
// lacks one of CERTIFICATE_HOSTS. Reuse reads and checks four small files with node:crypto and
// loads nothing else: node-forge is imported only when something must be generated.
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CERTIFICATE_HOSTS } from './tencent-hosts.js';

/** `--tls-dir` default: per user, so every stub of this user shares one CA. */
export const DEFAULT_TLS_DIR = join(homedir(), '.tim-marks', 'stub-tls');

/** The Java truststore's password: it guards nothing secret (a public CA certificate), Java just wants one. */
export const TRUSTSTORE_PASSWORD = 'changeit';

export const TLS_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  cert: 'cert.pem',
  key: 'key.pem',
  truststore: 'truststore.p12',
} as const;

const DAY_MS = 86_400_000;
const CA_LIFETIME_MS = 3650 * DAY_MS;
/** 397 days: the longest leaf lifetime browsers and Apple platforms accept. */
const LEAF_LIFETIME_MS = 397 * DAY_MS;
const LEAF_RENEW_BEFORE_MS = 30 * DAY_MS;
const CA_RENEW_BEFORE_MS = 30 * DAY_MS;
const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 15_000;

export interface TlsMaterial {
  /** PEM served by the stub. */
  readonly cert: string;
  readonly key: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** The CA to trust (generated mode); undefined with --tls-cert/--tls-key. */
  readonly caFile?: string;
  /** A PKCS12 truststore holding caFile, for Java (generated mode). */
  readonly truststoreFile?: string;
  readonly truststorePassword?: string;
  /** The names the served certificate covers (DNS names and IP addresses). */
  readonly hosts: readonly string[];
  /** What this start had to create: [] when everything was reused. */
  readonly created: readonly ('ca' | 'leaf' | 'truststore')[];
}

export class TlsMaterialError extends Error {}

/** The certificate and key given with --tls-cert / --tls-key, checked to belong together. */
export function givenTlsMaterial(certFile: string, keyFile: string): TlsMaterial {
  const cert = readText(certFile, '--tls-cert');
  const key = readText(keyFile, '--tls-key');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (error) {
    throw new TlsMaterialError(
      `--tls-cert ${certFile} is not a PEM certificate: ${(error as Error).message}`,
    );
  }
  try {
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      throw new TlsMaterialError(`--tls-key ${keyFile} is not the key of --tls-cert ${certFile}`);
    }
  } catch (error) {
    if (error instanceof TlsMaterialError) throw error;
    throw new TlsMaterialError(`--tls-key ${keyFile} is not a PEM private key: ${(error as Error).message}`);
  }
  return { cert, key, certFile, keyFile, hosts: coveredHosts(x509), created: [] };
}

/** Reuses or creates the CA, the leaf and the truststore in `dir` (created 0700 when missing). */
export async function ensureTlsMaterial(
  dir: string = DEFAULT_TLS_DIR,
  now = Date.now(),
): Promise<TlsMaterial> {
  const files = {
    ca: join(dir, TLS_FILES.ca),
    caKey: join(dir, TLS_FILES.caKey),
    cert: join(dir, TLS_FILES.cert),
    key: join(dir, TLS_FILES.key),
    truststore: join(dir, TLS_FILES.truststore),
  };
  const reused = reuse(files, now);
  if (reused !== undefined) return reused;

  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new TlsMaterialError(
      `--tls-dir ${dir} cannot be created: ${(error as NodeJS.ErrnoException).code}`,
    );
  }
  // Two stubs starting at once on one directory must not issue two CAs: one generates, the other
  // waits and then reuses what the first wrote.
  const unlock = await lock(join(dir, '.lock'));
  try {
    return reuse(files, now) ?? (await generate(files, now));
  } finally {
    unlock();
  }
}

type Files = Record<keyof typeof TLS_FILES, string>;

function reuse(files: Files, now: number): TlsMaterial | undefined {
  const ca = tryRead(files.ca);
  const cert = tryRead(files.cert);
  const key = tryRead(files.key);
  if (ca === undefined || cert === undefined || key === undefined || tryRead(files.caKey) === undefined)
    return;
  if (!existsFile(files.truststore)) return;
  const caX509 = parseCertificate(ca);
  const leaf = parseCertificate(cert);
  if (caX509 === undefined || leaf === undefined) return;
  if (!leafIsUsable(leaf, caX509, key, now) || Date.parse(caX509.validTo) - now < CA_RENEW_BEFORE_MS) return;
  return material(files, cert, key, leaf, []);
}

function leafIsUsable(leaf: X509Certificate, ca: X509Certificate, key: string, now: number): boolean {
  try {
    return (
      Date.parse(leaf.validTo) - now >= LEAF_RENEW_BEFORE_MS &&
      Date.parse(leaf.validFrom) <= now &&
      leaf.checkIssued(ca) &&
      leaf.verify(ca.publicKey) &&
      leaf.checkPrivateKey(createPrivateKey(key)) &&
      CERTIFICATE_HOSTS.every((host) => covers(leaf, host))
    );
  } catch {
    return false;
  }
}

function covers(x509: X509Certificate, host: string): boolean {
  return isIP(host)
    ? x509.checkIP(host) !== undefined
    : x509.checkHost(host, { wildcards: false }) !== undefined;
}

function coveredHosts(x509: X509Certificate): string[] {
  return (x509.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:') || entry.startsWith('IP Address:'))
    .map((entry) => entry.slice(entry.indexOf(':') + 1));
}

async function generate(files: Files, now: number): Promise<TlsMaterial> {
  const { default: forge } = await import('node-forge');
  const created: ('ca' | 'leaf' | 'truststore')[] = [];

  let caPem = tryRead(files.ca);
  let caKeyPem = tryRead(files.caKey);
  const existingCa = caPem === undefined ? undefined : parseCertificate(caPem);
  const caUsable =
    existingCa !== undefined &&
    caKeyPem !== undefined &&
    Date.parse(existingCa.validTo) - now >= CA_RENEW_BEFORE_MS &&
    safe(() => existingCa.checkPrivateKey(createPrivateKey(caKeyPem as string)));
  if (!caUsable) {
    const ca = issue(forge, {
      subject: 'tim-marks stub local CA',
      now,
      lifetimeMs: CA_LIFETIME_MS,
      isCa: true,
    });
    caPem = ca.certPem;
    caKeyPem = ca.keyPem;
    // The key first: a reader that sees the new ca.pem must find its key.
    writeAtomic(files.caKey, caKeyPem, 0o600);
    writeAtomic(files.ca, caPem, 0o644);
    created.push('ca');
  }
  const caCert = forge.pki.certificateFromPem(caPem as string);
  const caKey = forge.pki.privateKeyFromPem(caKeyPem as string);

  let certPem = tryRead(files.cert);
  let keyPem = tryRead(files.key);
  const existingLeaf = certPem === undefined ? undefined : parseCertificate(certPem);
  const caX509 = new X509Certificate(caPem as string);
  if (
    created.includes('ca') ||
    existingLeaf === undefined ||
    keyPem === undefined ||
    !leafIsUsable(existingLeaf, caX509, keyPem, now)
  ) {
    const leaf = issue(forge, {
      subject: 'tim-marks stub',
      now,
      lifetimeMs: LEAF_LIFETIME_MS,
      isCa: false,
      issuer: { cert: caCert, key: caKey },
    });
    certPem = leaf.certPem;
    keyPem = leaf.keyPem;
    writeAtomic(files.key, keyPem, 0o600);
    writeAtomic(files.cert, certPem, 0o644);
    created.push('leaf');
  }

  if (created.includes('ca') || !existsFile(files.truststore)) {
    const { javaTruststore } = await import('./tls-truststore.js');
    writeAtomic(files.truststore, javaTruststore(caPem as string, TRUSTSTORE_PASSWORD), 0o644);
    created.push('truststore');
  }
  return material(
    files,
    certPem as string,
    keyPem as string,
    new X509Certificate(certPem as string),
    created,
  );
}

function material(
  files: Files,
  cert: string,
  key: string,
  leaf: X509Certificate,
  created: TlsMaterial['created'],
): TlsMaterial {
  return {
    cert,
    key,
    certFile: files.cert,
    keyFile: files.key,
    caFile: files.ca,
    truststoreFile: files.truststore,
    truststorePassword: TRUSTSTORE_PASSWORD,
    hosts: coveredHosts(leaf),
    created,
  };
}

type Forge = typeof import('node-forge');

interface IssueRequest {
  subject: string;
  now: number;
  lifetimeMs: number;
  isCa: boolean;
  issuer?: { cert: import('node-forge').pki.Certificate; key: import('node-forge').pki.PrivateKey };
}

/**
 * An RSA-2048 certificate: the key pair comes from node:crypto (native, milliseconds), node-forge
 * only builds and signs the certificate. RSA rather than ECDSA so that every TLS stack and Java
 * truststore accepts it without thought.
 */
function issue(forge: Forge, request: IssueRequest): { certPem: string; keyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive (top bit clear) and unique: Go and Java refuse negative serial numbers.
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  // An hour back, for clocks a little behind.
  cert.validity.notBefore = new Date(request.now - 3_600_000);
  cert.validity.notAfter = new Date(request.now + request.lifetimeMs);
  const subject = [
    { name: 'commonName', value: request.subject },
    { name: 'organizationName', value: 'tim-marks (local testing only)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(request.issuer ? request.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [{ name: 'subjectKeyIdentifier' }];
  if (request.isCa) {
    extensions.push(
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    );
  } else {
    const issuer = request.issuer as NonNullable<IssueRequest['issuer']>;
    extensions.push(
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'authorityKeyIdentifier',
        keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes(),
      },
      {
        name: 'subjectAltName',
        altNames: CERTIFICATE_HOSTS.map((host) =>
          isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
        ),
      },
    );
  }
  cert.setExtensions(extensions);
  const signer = request.issuer?.key ?? forge.pki.privateKeyFromPem(privateKey);
  cert.sign(signer as import('node-forge').pki.rsa.PrivateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privateKey };
}

function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

function safe(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TlsMaterialError(`${flag} ${file} cannot be read: ${(error as NodeJS.ErrnoException).code}`);
  }
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Write beside, then rename: a reader never sees half a file. */
function writeAtomic(file: string, data: string | Uint8Array, mode: number): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, data, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

async function lock(file: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new TlsMaterialError(`cannot lock ${file}: ${(error as NodeJS.ErrnoException).code}`);
      }
    }
    // A lock left by a process that died while generating.
    const age = safeAge(file);
    if (age !== undefined && age > LOCK_STALE_MS) rmSync(file, { force: true });
    else if (Date.now() > deadline) {
      throw new TlsMaterialError(
        `${file} is held by another stub for more than ${LOCK_WAIT_MS / 1000} s; remove it if no stub is starting`,
      );
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function safeAge(file: string): number | undefined {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** `{}` or `{ dir }`: generated and kept in dir; `{ certFile, keyFile }`: given. */
export type TlsOption =
  | { dir?: string; certFile?: never; keyFile?: never }
  | { certFile: string; keyFile: string; dir?: never };

export function loadTlsMaterial(option: TlsOption): Promise<TlsMaterial> {
  if (option.certFile !== undefined || option.keyFile !== undefined) {
    if (option.certFile === undefined || option.keyFile === undefined) {
      throw new TlsMaterialError('--tls-cert and --tls-key go together');
    }
    return Promise.resolve(givenTlsMaterial(option.certFile, option.keyFile));
  }
  return ensureTlsMaterial(option.dir ?? DEFAULT_TLS_DIR);
}
