import { isSelfIssued, type CertificateContent } from '@lms-kit/certificates';
import { isSafeUrl } from '@lms-kit/core';
import type { CertificatePdfText } from '@lms-kit/certificates/pdf';
import { formatDate } from '../i18n/localize.js';
import type { Translate } from '../i18n/localize.js';

/** The link the QR code holds: the verification page with the certificate's id. */
export function verificationLink(certificate: CertificateContent): string | undefined {
  if (!certificate.verifyUrl || !isHttpUrl(certificate.verifyUrl)) return undefined;
  const url = new URL(certificate.verifyUrl);
  url.searchParams.set('certificate', certificate.id);
  return url.href;
}

/** Everything a certificate says, in the learner's language: the page and the PDF show the same words. */
export function certificateText(certificate: CertificateContent, t: Translate, locale: string): CertificatePdfText {
  const details = [t('certificate.issuedOn', { date: formatDate(locale, certificate.issuedAt) })];
  if (certificate.expiresAt) details.push(t('certificate.validUntil', { date: formatDate(locale, certificate.expiresAt) }));
  if (certificate.score !== undefined) {
    const score = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(certificate.score / 100);
    details.push(t('certificate.score', { score }));
  }
  return {
    title: certificate.title ?? t('certificate.title'),
    preamble: t('certificate.preamble'),
    learnerName: certificate.learnerName,
    statement: t('certificate.statement'),
    courseTitle: certificate.courseTitle,
    details,
    issuerName: certificate.issuer.name,
    issuerUrl: certificate.issuer.url && isHttpUrl(certificate.issuer.url) ? certificate.issuer.url : undefined,
    // From the signing key (a `did:jwk` issuer), not from the flag inside the signed content.
    selfIssuedNote: isSelfIssued(certificate) ? t('certificate.selfIssued') : undefined,
    verifyUrl: verificationLink(certificate),
    verifyLabel: t('certificate.verifyAt'),
    idLine: t('certificate.id', { id: certificate.id }),
  };
}

/** Links a certificate carries are absolute http(s) URLs: anything else is never linked nor put in the QR code. */
function isHttpUrl(url: string): boolean {
  return isSafeUrl(url) && /^https?:\/\//i.test(url.trim());
}

/** Letter paper where it is the norm, A4 elsewhere. */
export function defaultPaper(locale: string): 'a4' | 'letter' {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'HN', 'PR'].includes(region ?? '')
    ? 'letter'
    : 'a4';
}
