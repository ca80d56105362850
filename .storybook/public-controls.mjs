/**
 * Which Storybook controls an element gets: one per property a page may set, as custom-elements.json
 * documents it (public, not read-only, not static). Everything else the docs list (attributes, which set
 * the same properties; read-only state such as `status`; events, slots, parts, tokens) keeps its row
 * in the table with no control, and a story's own args get none either.
 */

/** The element's declaration in the manifest, or undefined. */
export function declarationOf(manifest, tagName) {
  for (const module of manifest.modules ?? [])
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tagName) return declaration;
  return undefined;
}

/** Names of the properties a page may set on the element. */
export function settableProperties(declaration) {
  return new Set(
    (declaration?.members ?? [])
      .filter((member) => member.kind === 'field' && !member.readonly && !member.static && member.privacy !== 'private')
      .filter((member) => member.privacy !== 'protected' && !member.name.startsWith('_'))
      .map((member) => member.name),
  );
}

/** An argTypes enhancer: turns off every control that is not a settable property of the story's element. */
export function publicControlsOnly(manifest) {
  return ({ argTypes, component }) => {
    const settable = settableProperties(declarationOf(manifest, component));
    return Object.fromEntries(
      Object.entries(argTypes).map(([name, argType]) => {
        // An attribute of the same name as the property (`src`) stands for it; `heading-level` and the like do not.
        return [name, settable.has(name) ? argType : { ...argType, control: false }];
      }),
    );
  };
}
