/**
 * The architecture rules of the folder layout (README "Architecture"), as an ESLint plugin:
 *
 * - feature-boundaries: a feature imports another feature only through that feature's public file
 *   (electron/core/features/<name>/service.ts, renderer/src/features/<name>/index.ts). What lies below the
 *   features imports none of them: electron/core/platform, shared/ and renderer/src/components. Only the
 *   composition roots reach into features: electron/core/features/index.ts and app.ts (a feature's
 *   index.ts, its FeatureDef) and the renderer's app shell (renderer/src/app/: the routes, any page).
 *   shared/ imports nothing from electron/ or renderer/.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

const CORE_FEATURES = 'electron/core/features/';
const RENDERER_FEATURES = 'renderer/src/features/';

/** 'electron/core/features/school/handlers.ts' -> { base, name: 'school', rest: 'handlers.ts' } */
function featureOf(file) {
  for (const base of [CORE_FEATURES, RENDERER_FEATURES]) {
    if (file.startsWith(base)) {
      const [name, ...rest] = file.slice(base.length).split('/');
      if (rest.length) return { base, name, rest: rest.join('/') };
    }
  }
  return null;
}

const BELOW_FEATURES = ['electron/core/platform/', 'shared/', 'renderer/src/components/'];
const PUBLIC_FILE = { [CORE_FEATURES]: /^service(\.ts)?$/, [RENDERER_FEATURES]: /^(index(\.tsx?)?)?$/ };

const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'features import each other only through their public file; platform and shared import no feature' },
    schema: [],
  },
  create(context) {
    const from = rel(context.filename);
    const fromFeature = featureOf(from);
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = rel(path.resolve(path.dirname(context.filename), spec));
      const to = featureOf(target + '/x') && !featureOf(target) ? { ...featureOf(target + '/x'), rest: '' } : featureOf(target);
      if (from.startsWith('shared/') && /^(electron|renderer)\//.test(target)) {
        context.report({ node, message: `shared/ is below both shells: it may not import ${target}.` });
        return;
      }
      if (!to) return;
      if (BELOW_FEATURES.some((dir) => from.startsWith(dir))) {
        context.report({ node, message: `${from} is below the features: it may not import ${target}.` });
        return;
      }
      if (fromFeature && fromFeature.base === to.base && fromFeature.name === to.name) return;
      if (!fromFeature && to.base === RENDERER_FEATURES && (from.startsWith('renderer/src/app/') || from === 'renderer/src/App.tsx')) return;
      if (!fromFeature && to.base === CORE_FEATURES && /^(index(\.ts)?)?$/.test(to.rest)) return;
      if (!PUBLIC_FILE[to.base].test(to.rest)) {
        const pub = to.base === CORE_FEATURES ? 'service.ts' : 'index.ts';
        context.report({ node, message: `Import the ${to.name} feature through its ${pub} (${to.base}${to.name}/${pub}), not ${to.rest}.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'feature-boundaries': featureBoundaries } };
