const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Right-to-left for Arabic, Hebrew, Persian, Urdu and the other RTL scripts (also `xx-Arab`, `xx-Hebr`). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const subtags = locale.toLowerCase().split('-');
  if (subtags.includes('arab') || subtags.includes('hebr') || subtags.includes('thaa')) return 'rtl';
  return RTL_LANGUAGES.has(subtags[0]) ? 'rtl' : 'ltr';
}

/** `dir` of a piece of course content: its language's direction, or `auto` (its own first strong character) when unknown. */
export function contentDirection(language?: string): 'ltr' | 'rtl' | 'auto' {
  return language ? textDirection(language) : 'auto';
}
