export * from './model.js';
export type { CertificateSigner } from './signer.js';
export { browserSigner, didJwk, type BrowserSignerOptions } from './signers/browser-signer.js';
export { serverSigner, type ServerSignerOptions } from './signers/server-signer.js';
export { buildCredential, contentFromCredential, jwtClaims, CREDENTIAL_CONTEXT, type OpenBadgeCredential } from './credential.js';
export { decodeJws } from './jwt.js';
export { issueCertificateIfDue, type IssueOptions } from './issue.js';
export { listCertificates, latestCertificate, findCertificate, certificateState, revokeCertificate, renewCertificate } from './registry.js';
export {
  verifyCertificate,
  isSelfIssued,
  type VerificationResult,
  type VerificationStatus,
  type VerificationReason,
  type VerifyOptions,
} from './verify.js';
export { readCertificateInput, envelope, type CertificateInput } from './verify-input.js';
