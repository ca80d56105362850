/**
 * Reading and writing a field of a course by the path the validator reports issues at
 * (`modules[0].lessons[2].quiz.questions[1].text`), so a form field and its issues share one name.
 */
type Container = Record<string, unknown> | unknown[];

function steps(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, name, index]) => (index === undefined ? name : Number(index)));
}

export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const step of steps(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** Sets the field, making missing objects on the way; `undefined` removes it (an emptied optional field). */
export function setAt(root: unknown, path: string, value: unknown): void {
  const parts = steps(path);
  let node = root as Container;
  for (const [i, step] of parts.slice(0, -1).entries()) {
    const record = node as Record<string | number, unknown>;
    if (record[step] === null || typeof record[step] !== 'object') record[step] = typeof parts[i + 1] === 'number' ? [] : {};
    node = record[step] as Container;
  }
  const last = parts[parts.length - 1];
  if (value === undefined && !Array.isArray(node)) delete (node as Record<string, unknown>)[last];
  else (node as Record<string | number, unknown>)[last] = value;
}
