import type { CertificateContent } from './model.js';
import { isPlainObject } from './jwt.js';

/**
 * Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential, data model 2.0) for a
 * certificate. LMS Kit's own fields that OB 3.0 has no term for travel in `lmsKit`, declared in the
 * context as a JSON literal, so wallets and badge platforms can ignore them.
 */
export type OpenBadgeCredential = Record<string, unknown> & {
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string; url?: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: Record<string, unknown>;
};

export const CREDENTIAL_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  { lmsKit: { '@id': 'urn:lms-kit:vocab:certificate', '@type': '@json' } },
];
const SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Fields of `lmsKit`: what the certificate needs beyond the OB 3.0 terms. */
type LmsKitFields = Pick<
  CertificateContent,
  'courseId' | 'learnerId' | 'template' | 'verifyUrl' | 'remindDays' | 'renewal' | 'passed' | 'selfIssued' | 'title'
>;

const isUri = (value: string) => /^[a-z][a-z0-9+.-]*:[^\s|]+$/i.test(value);

export function buildCredential(content: CertificateContent, achievementId: string, criteria: string): OpenBadgeCredential {
  const scoreId = `${achievementId}#score`;
  const subject: Record<string, unknown> = {
    type: ['AchievementSubject'],
    identifier: [
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: content.learnerName },
      {
        type: 'IdentityObject',
        identityType: content.learnerId.startsWith('mailto:') ? 'emailAddress' : 'identifier',
        hashed: false,
        identityHash: content.learnerId.replace(/^mailto:/, ''),
      },
    ],
    achievement: {
      id: achievementId,
      type: ['Achievement'],
      achievementType: 'Certificate',
      name: content.courseTitle,
      description: criteria,
      criteria: { narrative: criteria },
      ...(content.courseVersion !== undefined ? { version: content.courseVersion } : {}),
      ...(content.score !== undefined
        ? { resultDescription: [{ id: scoreId, type: ['ResultDescription'], name: 'Score', resultType: 'Percent' }] }
        : {}),
    },
    ...(content.score !== undefined ? { result: [{ type: ['Result'], resultDescription: scoreId, value: String(content.score) }] } : {}),
  };
  if (isUri(content.learnerId)) subject.id = content.learnerId;
  const lmsKit: LmsKitFields = {
    courseId: content.courseId,
    learnerId: content.learnerId,
    template: content.template,
    passed: content.passed,
    remindDays: content.remindDays,
    selfIssued: content.selfIssued,
    ...(content.title !== undefined ? { title: content.title } : {}),
    ...(content.verifyUrl !== undefined ? { verifyUrl: content.verifyUrl } : {}),
    ...(content.renewal !== undefined ? { renewal: content.renewal } : {}),
  };
  return {
    '@context': CREDENTIAL_CONTEXT,
    id: content.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: content.title ?? `Certificate: ${content.courseTitle}`,
    issuer: {
      id: content.issuer.id,
      type: ['Profile'],
      name: content.issuer.name,
      ...(content.issuer.url !== undefined ? { url: content.issuer.url } : {}),
    },
    validFrom: content.issuedAt,
    ...(content.expiresAt !== undefined ? { validUntil: content.expiresAt } : {}),
    awardedDate: content.issuedAt,
    credentialSubject: subject,
    credentialSchema: [{ id: SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    lmsKit,
  };
}

/** The registered JWT claims OB 3.0 (§8.2) asks for, taken from the credential. */
export function jwtClaims(credential: OpenBadgeCredential): Record<string, unknown> {
  const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  const subjectId = credential.credentialSubject.id;
  return {
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
    ...(typeof subjectId === 'string' ? { sub: subjectId } : {}),
  };
}

/** Thrown when JSON is well formed but is not an LMS Kit certificate credential. */
export class ForeignCredentialError extends Error {
  override readonly name = 'ForeignCredentialError';
}

/** Reads the certificate a credential states; throws `ForeignCredentialError` for anything else. */
export function contentFromCredential(value: Record<string, unknown>): CertificateContent {
  const fail = (what: string): never => {
    throw new ForeignCredentialError(what);
  };
  const types = Array.isArray(value.type) ? value.type : [];
  if (!types.includes('VerifiableCredential')) fail('it is not a Verifiable Credential');
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) fail('it is not an Open Badges credential');
  const lmsKit = isPlainObject(value.lmsKit) ? value.lmsKit : fail('it was not issued by LMS Kit');
  const issuer = isPlainObject(value.issuer) ? value.issuer : fail('it has no issuer');
  const subject = isPlainObject(value.credentialSubject) ? value.credentialSubject : fail('it has no credentialSubject');
  const achievement = isPlainObject(subject.achievement) ? subject.achievement : fail('it has no achievement');
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier.filter(isPlainObject) : [];
  const name = identifiers.find((identifier) => identifier.identityType === 'name')?.identityHash;
  const result = Array.isArray(subject.result) && isPlainObject(subject.result[0]) ? subject.result[0] : undefined;
  const text = (field: unknown, what: string) => (typeof field === 'string' ? field : fail(`${what} is missing`));
  const optionalText = (field: unknown, what: string) => (field === undefined ? undefined : text(field, what));
  const template = lmsKit.template === 'modern' ? 'modern' : lmsKit.template === 'classic' ? 'classic' : fail('its template is unknown');
  const content: CertificateContent = {
    id: text(value.id, 'id'),
    learnerId: text(lmsKit.learnerId, 'the learner id'),
    learnerName: text(name, 'the learner name'),
    courseId: text(lmsKit.courseId, 'the course id'),
    courseTitle: text(achievement.name, 'the course title'),
    courseVersion: optionalText(achievement.version, 'the course version'),
    title: optionalText(lmsKit.title, 'the title'),
    template,
    issuedAt: text(value.validFrom, 'validFrom'),
    expiresAt: optionalText(value.validUntil, 'validUntil'),
    score: result ? Number(text(result.value, 'the score')) : undefined,
    passed: lmsKit.passed === true,
    issuer: {
      id: text(issuer.id, 'the issuer id'),
      name: text(issuer.name, 'the issuer name'),
      url: optionalText(issuer.url, 'the issuer url'),
    },
    verifyUrl: optionalText(lmsKit.verifyUrl, 'the verification URL'),
    remindDays: typeof lmsKit.remindDays === 'number' ? lmsKit.remindDays : fail('remindDays is missing'),
    renewal: isPlainObject(lmsKit.renewal) ? (lmsKit.renewal as unknown as CertificateContent['renewal']) : undefined,
    selfIssued: lmsKit.selfIssued === true,
  };
  // Leave out what is absent, so a content read back compares equal to the one issued.
  for (const key of Object.keys(content) as Array<keyof CertificateContent>) if (content[key] === undefined) delete content[key];
  if (content.issuer.url === undefined) delete content.issuer.url;
  return content;
}
