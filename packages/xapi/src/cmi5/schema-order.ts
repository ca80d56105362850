/**
 * The element order of the cmi5 course structure schema (CourseStructure.xsd, cmi5 13.2): each
 * element's children in the cmi5 namespace, as `xs:sequence` lists them. Elements of other
 * namespaces are extensions the schema allows (`xs:any namespace="##other"`) and are skipped.
 */
interface Particle {
  names: string[];
  min: number;
  max: number;
}

const one = (name: string): Particle => ({ names: [name], min: 1, max: 1 });
const optional = (name: string): Particle => ({ names: [name], min: 0, max: 1 });
const members: Particle = { names: ['au', 'block'], min: 1, max: Infinity };

export const SCHEMA_SEQUENCES: Record<string, Particle[]> = {
  courseStructure: [one('course'), optional('objectives'), members],
  course: [one('title'), one('description')],
  objectives: [{ names: ['objective'], min: 1, max: Infinity }],
  block: [one('title'), one('description'), optional('objectives'), members],
  au: [one('title'), one('description'), optional('objectives'), one('url'), optional('launchParameters'), optional('entitlementKey')],
  title: [{ names: ['langstring'], min: 1, max: Infinity }],
  description: [{ names: ['langstring'], min: 1, max: Infinity }],
};

/** Problems with the order and number of `names` (the children's local names) for an element of `kind`. */
export function sequenceProblems(kind: string, names: string[]): string[] {
  const sequence = SCHEMA_SEQUENCES[kind];
  if (!sequence) return [];
  const problems: string[] = [];
  let position = 0;
  let count = 0;
  for (const name of names) {
    while (position < sequence.length && (!sequence[position].names.includes(name) || count >= sequence[position].max)) {
      if (count < sequence[position].min) problems.push(`<${sequence[position].names.join('> or <')}> is required before <${name}>`);
      position++;
      count = 0;
    }
    if (position === sequence.length) {
      problems.push(`<${name}> is not allowed here (the schema's order is ${describe(sequence)})`);
      return problems;
    }
    count++;
  }
  for (; position < sequence.length; position++, count = 0)
    if (count < sequence[position].min) problems.push(`<${sequence[position].names.join('> or <')}> is required`);
  return problems;
}

function describe(sequence: Particle[]): string {
  return sequence
    .map((particle) => `<${particle.names.join('|')}>${particle.min === 0 ? '?' : ''}${particle.max > 1 ? '+' : ''}`)
    .join(', ');
}
