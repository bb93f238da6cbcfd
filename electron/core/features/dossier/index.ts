/** The inspection dossier (迎检资料): frameworks, evidence per indicator, readiness, the composed PDF and Word. */
import { defineFeature } from '../../platform/feature';
import { dossierHandlers } from './handlers';

export const dossierFeature = defineFeature({ name: 'dossier', handlers: dossierHandlers });
