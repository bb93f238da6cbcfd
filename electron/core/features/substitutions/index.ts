/** The substitution log (代课、调课、停课、补课). */
import { defineFeature } from '../../platform/feature';
import { substitutionsHandlers } from './handlers';

export const substitutionsFeature = defineFeature({ name: 'substitutions', handlers: substitutionsHandlers });
