import { browserSigner, serverSigner, type CertificateSigner } from '@lms-kit/certificates';
import type { LmsServices } from '../context/services.js';

let ownKey: CertificateSigner | undefined;
const endpoints = new Map<string, CertificateSigner>();

/** This browser's own signer: one per page, so its key is read once. */
export function browserOwnSigner(): CertificateSigner {
  return (ownKey ??= browserSigner());
}

/** The signer the provider configured (a signer or an endpoint URL), else this browser's own key. */
export function certificateSigner(services: LmsServices | undefined): CertificateSigner {
  const configured = services?.certificateSigner;
  if (typeof configured === 'string' && configured.trim()) {
    const endpoint = new URL(configured, document.baseURI).href;
    if (!endpoints.has(endpoint)) endpoints.set(endpoint, serverSigner({ endpoint }));
    return endpoints.get(endpoint) as CertificateSigner;
  }
  return typeof configured === 'object' && configured ? configured : browserOwnSigner();
}

/**
 * Signers whose certificates this page trusts: the configured one, and this browser's own key only
 * when no server signs (a site whose server signs certificates never takes a learner's key for it).
 */
export function trustedSigners(services: LmsServices | undefined, extra: CertificateSigner[] = []): CertificateSigner[] {
  const configured = certificateSigner(services);
  return [...new Set([...extra, configured, ...(configured.kind === 'server' ? [] : [browserOwnSigner()])])];
}
