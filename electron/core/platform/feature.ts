/**
 * What a feature gives the core: its handlers (exactly its own methods) and its printouts. The registry and
 * the report catalogue are folded from the one `FEATURES` array in ../features/index.ts, the way
 * actualbudget/actual combines its app handlers: adding a feature is one folder and one line there.
 */
import type { FeatureMethod, FeatureName, Method } from '../../../shared/contract';
import type { CoreContext } from './context';
import type { HandlerMap } from './handlers';
import type { ReportEntry } from './report/define';

/** Methods Core answers itself because they reopen or replace the database (see app.ts ownHandler). */
export type CoreOwnMethod = 'app/status' | 'backup/list' | 'backup/restore' | 'app/restoreDamaged' | 'app/startEmpty' | 'archive/restore';

export interface FeatureDef<N extends FeatureName = FeatureName> {
  name: N;
  handlers: HandlerMap<Exclude<FeatureMethod<N>, CoreOwnMethod>>;
  reports?: ReportEntry[];
}

/** A handler with its types forgotten, as the dispatcher holds it (it validated the input with the method's schema). */
export type AnyHandler = (input: never, ctx: CoreContext) => unknown;

/** Any feature, as the registry and the catalogue hold them. */
export interface AnyFeatureDef {
  name: FeatureName;
  handlers: Partial<Record<Method, AnyHandler>>;
  reports?: ReportEntry[];
}

export function defineFeature<N extends FeatureName>(def: FeatureDef<N>): FeatureDef<N> {
  return def;
}


/**
 * The registry: every feature's handlers in one map. A method outside its feature's prefix, or answered by two
 * features, stops the app at start (and the registry test).
 */
export function foldHandlers(features: readonly AnyFeatureDef[]): Map<Method, AnyHandler> {
  const map = new Map<Method, AnyHandler>();
  for (const f of features) {
    for (const [name, handler] of Object.entries(f.handlers)) {
      const method = name as Method;
      if (!method.startsWith(`${f.name}/`)) throw new Error(`feature ${f.name} answers ${method}, outside its name`);
      if (map.has(method)) throw new Error(`two features answer ${method}`);
      if (handler) map.set(method, handler);
    }
  }
  return map;
}

/** Every feature's printouts, in feature order. */
export function foldReports(features: readonly AnyFeatureDef[]): ReportEntry[] {
  return features.flatMap((f) => f.reports ?? []);
}
