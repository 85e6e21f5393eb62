/**
 * @file TypeDoc reads the declarations and doc comments of `src/index.ts`, the examples in them run, and typedoc-plugin-markdown writes one Markdown file per export.
 *
 * TypeDoc comes from `tools/api-docs/` (the `api-docs` dev dependency), which
 * installs it with the TypeScript it supports: the repository's own
 * TypeScript is newer than TypeDoc accepts.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { typedoc } from 'api-docs';
import { type Example, runExamples } from './api-reference-examples.ts';
import { indexFile, type PublicExport } from './api-reference-exports.ts';

/** One export as the plugin wrote it: the folder it put it in (its kind) and its Markdown. */
export interface Declaration {
  readonly name: string;
  /** `functions`, `classes`, `interfaces`, `type-aliases` or `variables`. */
  readonly folder: string;
  readonly markdown: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The tables keep an entry's headings within h6 once the page nests it two levels down. */
const markdownOptions = {
  plugin: ['typedoc-plugin-markdown'],
  outputFileStrategy: 'members',
  hidePageHeader: true,
  hideBreadcrumbs: true,
  hidePageTitle: true,
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  classPropertiesFormat: 'table',
  typeAliasPropertiesFormat: 'table',
  typeDeclarationFormat: 'table',
  propertyMembersFormat: 'table',
  sanitizeComments: true,
};

/**
 * The plugin shows an interface's comment again under each of its call
 * signatures that has none (UnaryOp's three overloads): an empty comment of
 * their own keeps the entry to one copy.
 */
function dropRepeatedComments(project: typedoc.ProjectReflection): void {
  for (const reflection of project.getReflectionsByKind(typedoc.ReflectionKind.Interface)) {
    if (!(reflection instanceof typedoc.DeclarationReflection) || !reflection.comment) continue;
    for (const signature of reflection.signatures ?? [])
      signature.comment ??= new typedoc.Comment();
  }
}

/** The fenced blocks of every `@example` in the project, each with the comment part it came from. */
function examplesOf(project: typedoc.ProjectReflection) {
  const found: { example: Example; parts: typedoc.CommentDisplayPart[]; at: number }[] = [];
  for (const reflection of project.getReflectionsByKind(typedoc.ReflectionKind.All)) {
    const owner = reflection.kindOf(typedoc.ReflectionKind.SomeSignature)
      ? (reflection.parent?.getFriendlyFullName() ?? reflection.name)
      : reflection.getFriendlyFullName();
    for (const tag of reflection.comment?.getTags('@example') ?? []) {
      tag.content.forEach((part, at) => {
        const fenced =
          part.kind === 'code' ? /^```(?:ts|typescript)?\n([\s\S]*?)```$/.exec(part.text) : null;
        const code = fenced?.[1];
        // The call signatures of an interface share its comment: one block, seen once.
        const seen = found.some((f) => f.parts === tag.content && f.at === at);
        if (code !== undefined && !seen)
          found.push({ example: { owner, code }, parts: tag.content, at });
      });
    }
  }
  return found;
}

/**
 * Every export's Markdown, keyed by name. Runs each example first (a broken
 * one fails here) and puts what it printed right after it, as a `text` block.
 */
export async function declarations(
  exports: readonly PublicExport[],
): Promise<Map<string, Declaration>> {
  const out = mkdtempSync(join(tmpdir(), 'wengert-typedoc-'));
  try {
    // Only the options given here: no typedoc.json, and not the command line of whoever runs the build.
    const app = await typedoc.Application.bootstrapWithPlugins(
      {
        entryPoints: [indexFile],
        tsconfig: join(root, 'tsconfig.build.json'),
        skipErrorChecking: true, // `npm test` type-checks src/ with the repository's TypeScript
        disableSources: true,
        readme: 'none',
        blockTags: [...typedoc.OptionDefaults.blockTags, '@file'],
        out,
        logLevel: 'Warn',
        ...markdownOptions,
      } as typedoc.TypeDocOptions,
      [new typedoc.TSConfigReader()],
    );
    const project = await app.convert();
    if (project === undefined || app.logger.hasErrors()) {
      throw new Error('docs: TypeDoc could not read src/index.ts (its errors are above)');
    }
    // A class's entry lists what it declares; what it inherits is in the entry of the class it extends.
    for (const reflection of project.getReflectionsByKind(typedoc.ReflectionKind.All)) {
      if (
        reflection instanceof typedoc.DeclarationReflection &&
        reflection.inheritedFrom !== undefined
      ) {
        project.removeReflection(reflection);
      }
    }

    dropRepeatedComments(project);
    const found = examplesOf(project);
    // An overload, or an object type that repeats an op (`ops`), shows the same example again: run it once.
    const unique = [...new Map(found.map((f) => [f.example.code, f.example])).values()];
    const outputs = runExamples(unique, exports);
    const printedBy = new Map(unique.map((example, i) => [example.code, outputs[i] ?? '']));
    // From the last to the first, so that inserting into a tag keeps its earlier blocks where they were.
    for (const { example, parts, at } of [...found].reverse()) {
      const printed = printedBy.get(example.code) ?? '';
      if (printed === '') continue;
      parts.splice(
        at + 1,
        0,
        { kind: 'text', text: '\n\n' },
        {
          kind: 'code',
          text: `\`\`\`text\n${printed}\n\`\`\``,
        },
      );
    }

    await app.generateOutputs(project);
    const result = new Map<string, Declaration>();
    for (const folder of readdirSync(out, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const file of readdirSync(join(out, folder.name))) {
        const name = file.replace(/\.md$/, '');
        const markdown = readFileSync(join(out, folder.name, file), 'utf8');
        result.set(name, { name, folder: folder.name, markdown });
      }
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
