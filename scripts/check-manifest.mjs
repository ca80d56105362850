/**
 * Checks `packages/elements/custom-elements.json` (run after `npm run build`): valid against the
 * Custom Elements Manifest schema 2.1, and true to the components: every tag that `define/` registers
 * is declared and defined, every module path is a shipped `dist/` file, every event has a name and
 * a type, every `--lms-*` token the styles read is documented.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const ELEMENTS = 'packages/elements';
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(`${ELEMENTS}/custom-elements.json`, 'utf8'));
const schema = require('custom-elements-manifest/schema.json');
const problems = [];

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
if (!validate(manifest)) for (const error of validate.errors) problems.push(`schema: ${error.instancePath} ${error.message}`);
if (manifest.schemaVersion !== '2.1.0') problems.push(`schemaVersion is ${manifest.schemaVersion}, not 2.1.0`);

const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
const definitions = new Map(
  manifest.modules.flatMap((module) =>
    (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => [entry.name, entry]),
  ),
);
for (const module of manifest.modules)
  if (!existsSync(`${ELEMENTS}/${module.path}`)) problems.push(`module ${module.path} is not in the package`);

const tags = readdirSync(`${ELEMENTS}/src/define`)
  .filter((file) => file.startsWith('lms-'))
  .map((file) => file.replace(/\.ts$/, ''));
for (const tag of tags) {
  const found = declarations.find(({ declaration }) => declaration.tagName === tag);
  if (!found) problems.push(`<${tag}> is defined by define/${tag} but not declared`);
  if (!definitions.has(tag)) problems.push(`<${tag}> has no custom-element-definition`);
}

const documentedTokens = new Set();
for (const { declaration } of declarations) {
  if (!declaration.customElement) continue;
  for (const event of declaration.events ?? [])
    if (!event.name || !event.type?.text)
      problems.push(`${declaration.tagName}: an event without ${event.name ? 'type' : 'name'} (${JSON.stringify(event)})`);
  for (const member of declaration.members ?? [])
    if (member.privacy && member.privacy !== 'public') problems.push(`${declaration.tagName}: ${member.privacy} member ${member.name}`);
  for (const property of declaration.cssProperties ?? []) {
    documentedTokens.add(property.name);
    if (!property.description) problems.push(`${declaration.tagName}: ${property.name} has no description`);
  }
}

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );
const usedTokens = new Set(
  walk(`${ELEMENTS}/src`).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/var\((--lms-[a-z0-9-]+)/g)].map((match) => match[1])),
);
for (const token of usedTokens) if (!documentedTokens.has(token)) problems.push(`${token} is read by the styles but not documented`);

if (problems.length) {
  console.log(`custom-elements.json: ${problems.length} problem(s)\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`custom-elements.json: valid (schema 2.1.0), ${definitions.size} tags, ${usedTokens.size} tokens documented`);
