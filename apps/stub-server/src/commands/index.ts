import type { CommandName } from '@tim-marks/types';
import { accountImport, multiaccountImport } from './accounts.js';
import {
  createContactGroup,
  delContactGroup,
  searchContactGroup,
  updateContactGroup,
} from './contact-groups.js';
import type { CommandHandler } from './context.js';
import { getContactGroup } from './get-contact-group.js';
import { createGroup, destroyGroup } from './groups.js';
import { markContact } from './mark-contact.js';

export type { CommandContext, CommandHandler, ItemFault } from './context.js';

export const HANDLERS: { [C in CommandName]: CommandHandler<C> } = {
  markContact,
  getContactGroup,
  createContactGroup,
  updateContactGroup,
  delContactGroup,
  searchContactGroup,
  accountImport,
  multiaccountImport,
  createGroup,
  destroyGroup,
};
