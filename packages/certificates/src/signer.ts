import type { OpenBadgeCredential } from './credential.js';
import type { CertificateStatus } from './model.js';

/**
 * Signs certificates and says which keys it stands behind. The default, `browserSigner()`, signs with
 * a key this browser made for itself: it proves a certificate was not changed since this browser
 * issued it, not who the learner is. `serverSigner({ endpoint })` has a site's server sign, which is
 * what gives a certificate trust beyond the learner's own browser.
 */
export interface CertificateSigner {
  readonly kind: 'browser' | 'server';
  /** The issuer id (a URI) certificates are issued under; the credential's `issuer.id`. */
  issuerId(): Promise<string>;
  /** Signs the credential as an Open Badges 3.0 VC-JWT (ES256) and returns the compact JWT. */
  sign(credential: OpenBadgeCredential): Promise<string>;
  /** Whether a certificate signed with this public key was issued by this signer. */
  trusts(publicKey: JsonWebKey): Promise<boolean>;
  /** Revocation status of a certificate this signer issued, when it keeps one. */
  status?(certificateId: string): Promise<CertificateStatus | undefined>;
  /** The VC-JWT of a certificate this signer issued, by id (for verification links). */
  find?(certificateId: string): Promise<string | undefined>;
}
