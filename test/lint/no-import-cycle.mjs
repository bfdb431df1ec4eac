// ESLint rule: no module may reach itself through its imports, counting `import type` too.
// import-x/no-cycle skips type-only imports, yet a type-only circle (handlers ↔ service through `ScoutService`) still
// ties two modules together: neither can be understood, moved or tested without the other. This rule sees every
// relative import, export-from, dynamic import() and require() that TypeScript's pre-processor finds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'test-results', '.git', '.scout-data']);
const CANDIDATES = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];
// An editor's language server keeps one process alive for hours: rebuild the graph when it is older than this, re-reading
// only files whose modification time changed. One CLI run re-stats the tree a few times, which costs milliseconds.
const GRAPH_TTL_MS = 1000;

/** @type {Map<string, { mtimeMs: number, specifiers: string[] }>} */
const parsed = new Map();
/** @type {Map<string, { builtAt: number, graph: ImportGraph }>} */
const graphs = new Map();

/** Every source file below `root`, skipping build output and dependencies. */
function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.d.mts')) {
        files.push(join(dir, entry.name));
      }
    }
  };
  walk(root);
  return files;
}

function importSpecifiers(file) {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.specifiers;
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const specifiers = info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
  parsed.set(file, { mtimeMs, specifiers });
  return specifiers;
}

/** The file a relative specifier names, as the bundler resolves it (extensionless, `.js` written for `.ts`). */
function resolveRelative(fromFile, specifier, known) {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, base.replace(/\.(m?)js$/, '.$1ts')]) {
    for (const suffix of CANDIDATES) if (known.has(candidate + suffix)) return candidate + suffix;
  }
  return null;
}

class ImportGraph {
  /** @param {string[]} files */
  constructor(files) {
    const known = new Set(files);
    /** @type {Map<string, string[]>} */
    this.edges = new Map();
    for (const file of files) {
      const targets = importSpecifiers(file)
        .map((s) => resolveRelative(file, s, known))
        .filter((t) => t !== null);
      this.edges.set(file, [...new Set(targets)]);
    }
    this.known = known;
    /** @type {Map<string, Set<string>>} each file that sits on a cycle → its strongly connected component */
    this.cycleOf = this.#components();
  }

  // Tarjan's strongly connected components, iterative so a deep import chain cannot overflow the stack.
  #components() {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const result = new Map();
    let next = 0;
    for (const root of this.edges.keys()) {
      if (index.has(root)) continue;
      const work = [[root, 0]];
      index.set(root, next);
      low.set(root, next++);
      stack.push(root);
      onStack.add(root);
      while (work.length > 0) {
        const frame = work[work.length - 1];
        const [node, i] = frame;
        const targets = this.edges.get(node);
        if (i < targets.length) {
          frame[1] = i + 1;
          const target = targets[i];
          if (!index.has(target)) {
            index.set(target, next);
            low.set(target, next++);
            stack.push(target);
            onStack.add(target);
            work.push([target, 0]);
          } else if (onStack.has(target)) {
            low.set(node, Math.min(low.get(node), index.get(target)));
          }
          continue;
        }
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1][0];
          low.set(parent, Math.min(low.get(parent), low.get(node)));
        }
        if (low.get(node) === index.get(node)) {
          const component = new Set();
          let member;
          do {
            member = stack.pop();
            onStack.delete(member);
            component.add(member);
          } while (member !== node);
          if (component.size > 1) for (const m of component) result.set(m, component);
        }
      }
    }
    return result;
  }

  /** The shortest import chain from `from` back to `to`, staying inside their cycle. */
  pathBack(from, to) {
    const component = this.cycleOf.get(from);
    const previous = new Map([[from, null]]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift();
      if (node === to) break;
      for (const target of this.edges.get(node)) {
        if (component.has(target) && !previous.has(target)) {
          previous.set(target, node);
          queue.push(target);
        }
      }
    }
    const chain = [];
    for (let node = to; node !== null; node = previous.get(node)) chain.unshift(node);
    return chain;
  }
}

/** The import graph of every source file under `root`, rebuilt at most once per GRAPH_TTL_MS. */
function importGraph(root) {
  const cached = graphs.get(root);
  if (cached && Date.now() - cached.builtAt < GRAPH_TTL_MS) return cached.graph;
  const graph = new ImportGraph(sourceFiles(root));
  graphs.set(root, { builtAt: Date.now(), graph });
  return graph;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports (type-only ones included) that lead back to the importing module' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both sides need into a module neither imports.' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const graph = importGraph(root);
    if (!graph.cycleOf.has(file)) return {};
    const component = graph.cycleOf.get(file);
    const check = (node) => {
      // import/export-from and import() carry `source`, require() its first argument, `import('./x').T` a literal type.
      const source = node.source ?? node.arguments?.[0] ?? node.argument?.literal;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolveRelative(file, source.value, graph.known);
      if (target === null || !component.has(target)) return;
      const chain = [file, ...graph.pathBack(target, file)].map((f) => relative(root, f)).join(' → ');
      context.report({ node: source, messageId: 'cycle', data: { chain } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      'CallExpression[callee.name="require"]': check,
      TSImportType: check,
    };
  },
};
