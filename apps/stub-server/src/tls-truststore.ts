// A PKCS12 truststore for Java holding one CA certificate. Java (8u and later) treats a
// certificate-only PKCS12 entry as a trusted certificate only when its bag carries Oracle's
// "trusted key usage" attribute (what `keytool -importcert` and `openssl pkcs12 -jdktrust` write);
// node-forge's PKCS12 writer cannot add that attribute, so the structure is built here with its
// ASN.1 helpers: PFX { AuthenticatedSafe [ data: SafeContents [ CertBag ] ], MacData (HMAC-SHA-1) }.
import forge from 'node-forge';

const { asn1, pki } = forge;

/** Oracle's trustedKeyUsage bag attribute, and the usage it says: any (anyExtendedKeyUsage). */
const ORACLE_TRUSTED_KEY_USAGE = '2.16.840.1.113894.746875.1.1';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';
const FRIENDLY_NAME = 'tim-marks-stub-ca';
const MAC_ITERATIONS = 2048;

const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const explicit0 = (inner: forge.asn1.Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [inner]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();

/** The DER bytes of a truststore trusting `caPem` for every use, protected by `password`. */
export function javaTruststore(caPem: string, password: string): Uint8Array {
  const certificate = pki.certificateToAsn1(pki.certificateFromPem(caPem));
  const certBag = seq([
    oid(pki.oids.certBag as string),
    explicit0(seq([oid(pki.oids.x509Certificate as string), explicit0(octets(der(certificate)))])),
    set([
      seq([
        oid(pki.oids.friendlyName as string),
        set([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BMPSTRING, false, FRIENDLY_NAME)]),
      ]),
      seq([oid(ORACLE_TRUSTED_KEY_USAGE), set([oid(ANY_EXTENDED_KEY_USAGE)])]),
    ]),
  ]);
  const data = (content: forge.asn1.Asn1) =>
    seq([oid(pki.oids.data as string), explicit0(octets(der(content)))]);
  const authenticatedSafe = seq([data(seq([certBag]))]);

  const salt = forge.random.getBytesSync(20);
  const macKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, MAC_ITERATIONS, 20);
  const hmac = forge.hmac.create();
  hmac.start('sha1', macKey);
  hmac.update(der(authenticatedSafe));
  const macData = seq([
    seq([
      seq([oid(pki.oids.sha1 as string), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
      octets(hmac.digest().getBytes()),
    ]),
    octets(salt),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(MAC_ITERATIONS).getBytes()),
  ]);
  const pfx = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(3).getBytes()),
    data(authenticatedSafe),
    macData,
  ]);
  return Buffer.from(der(pfx), 'binary');
}
