/**
 * A printout as its feature declares it: id, title, paper, the parameters it takes (from the shared
 * vocabulary REPORT_PARAMS) and which of them it requires, how it loads its data and renders it to a complete
 * HTML document. The declaration's parameter schema checks the request before load runs, so load gets typed,
 * defaulted parameters; the catalogue only sees the data-free entry. A required parameter is still optional
 * in the schema: the page asks for it before printing, and the loader's own message ("choose a month") says
 * what is missing when a caller skips it.
 */
import type { z } from 'zod';
import {
  reportParamsSchema, type FeatureName, type ReportInfo, type ReportModule, type ReportParamKey, type ReportParamsSchemaOf,
} from '../../../../shared/contract';
import type { CoreContext } from '../context';
import { validationError } from '../errors';
import type { ReportParams } from './header';
import type { PageSetup } from './layout';

/** A report's parameters: the schema that checks them, the keys in picker order, the ones it cannot print without. */
export interface ReportParamsDecl<S extends z.ZodObject> {
  schema: S;
  keys: ReportParamKey[];
  required: ReportParamKey[];
}

export interface ReportDef<S extends z.ZodObject, D> extends PageSetup {
  id: string;
  title: string;
  titleKey: string;
  feature: FeatureName;
  module: ReportModule;
  /** The parameters it takes (reportParams). */
  params: ReportParamsDecl<S>;
  formats?: ('pdf' | 'html')[];
  load(ctx: CoreContext, params: z.output<S>): D;
  render(data: D): string;
}

/** A catalogue entry: what the renderer is told, and a way to render from raw parameters. */
export interface ReportEntry {
  info: ReportInfo;
  /** Checks the parameters against the declaration (VALIDATION with paths under 'params'), loads and renders. */
  render(ctx: CoreContext, raw: unknown): { html: string; params: ReportParams };
}

/** Declares the report's parameters: the keys it takes, in picker order, and those it requires. */
export function reportParams<K extends ReportParamKey>(keys: readonly K[], required: readonly K[] = []): ReportParamsDecl<ReportParamsSchemaOf<K>> {
  return { schema: reportParamsSchema(keys), keys: [...keys], required: [...required] };
}

export function defineReport<S extends z.ZodObject, D>(def: ReportDef<S, D>): ReportEntry {
  const { schema, keys, required } = def.params;
  return {
    info: {
      id: def.id, title: def.title, titleKey: def.titleKey, feature: def.feature, module: def.module, params: keys, required,
      formats: def.formats ?? ['pdf', 'html'], paper: def.paper, landscape: def.landscape,
    },
    render(ctx, raw) {
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) throw validationError(parsed.error, ['params']);
      return { html: def.render(def.load(ctx, parsed.data)), params: parsed.data };
    },
  };
}
