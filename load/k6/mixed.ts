// k6 scenario "mixed" — marks, conversation-group updates and both reads, each at its own ceiling; see
// shared/plan.ts for what it drives and expects, README.md for how to run it.
import { scenarioScript } from './lib/scenario.ts';

const script = scenarioScript('mixed');

export const options = script.options;
export const setup = script.setup;
export const teardown = script.teardown;
export const handleSummary = script.handleSummary;
export const smoke = script.smoke;
export const markContact = script.markContact;
export const getContactGroup = script.getContactGroup;
export const updateContactGroup = script.updateContactGroup;
export const searchContactGroup = script.searchContactGroup;
