/**
 * The `cmi5LearnerPreferences` agent profile (cmi5 11): an AU may change it, but only to another
 * valid document, since every later AU of the learner starts from it.
 */

/** Why a write of the learner preferences is refused, or undefined when it is a valid document. */
export function learnerPreferencesProblem(contentType: string | null, body: string): string | undefined {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) return `must be sent as application/json, got "${contentType ?? 'none'}"`;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return 'must be a JSON object';
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return 'must be a JSON object';
  const { languagePreference, audioPreference } = document as Record<string, unknown>;
  if (typeof languagePreference !== 'string' || languagePreference === '')
    return 'needs languagePreference, a comma-separated list of language codes (cmi5 11.1)';
  const invalid = languagePreference.split(',').find((tag) => !isLanguageTag(tag));
  if (invalid !== undefined) return `languagePreference has "${invalid}", which is not a language code (RFC 5646)`;
  if (audioPreference !== 'on' && audioPreference !== 'off') return 'needs audioPreference "on" or "off" (cmi5 11.2)';
  return undefined;
}

function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
