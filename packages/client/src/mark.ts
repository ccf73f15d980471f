import type { ContactItem, CustomMark, MarkItem, MarkPosition, OptType, UserID } from '@tim-marks/types';
import { type ClientMethod, TimMarksValidationError } from './errors.js';
import { checkContactItem, checkCustomMark, checkPosition } from './validate.js';

/**
 * Runs a rule check for a builder method and names, in the error, the method (`mark.custom`) and the
 * conversation being built: the builder has no request or item index yet.
 */
function named<T>(method: ClientMethod, contact: ContactItem | undefined, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof TimMarksValidationError)) throw error;
    throw new TimMarksValidationError({
      code: error.code,
      field: error.field,
      reason: error.errorInfo ?? error.message,
      command: method,
      contactItem: contact,
    });
  }
}

// OptType is a bit set: 1 = standard marks, 2 = custom mark, 3 = both.
const STANDARD_BIT = 1;
const CUSTOM_BIT = 2;

function positionsOf(
  positions: readonly number[],
  field: 'SetMark' | 'ClearMark',
  contact: ContactItem,
): number[] {
  const method = field === 'SetMark' ? 'mark.set' : 'mark.clear';
  return named(method, contact, () =>
    positions.map((position, i) => checkPosition(position, { field: `${field}[${i}]` })),
  );
}

function without(list: readonly number[], removed: readonly number[]): number[] {
  return list.filter((position) => !removed.includes(position));
}

function union(list: readonly number[], added: readonly number[]): number[] {
  return [
    ...list,
    ...added.filter((position, i) => !list.includes(position) && added.indexOf(position) === i),
  ];
}

/**
 * One conversation's mark change, ready to send: it *is* a MarkItem (pass it in `MarkItem`), with an
 * OptType computed from what was set. Immutable: every method answers a new MarkChange.
 *
 * The methods apply in order, so a later `.clear(n)` undoes an earlier `.set(n)` and the other way
 * round; a change can never both set and clear a position.
 */
export class MarkChange implements MarkItem {
  readonly OptType: OptType;
  readonly ContactItem: ContactItem;
  declare readonly SetMark?: MarkPosition[];
  declare readonly ClearMark?: MarkPosition[];
  declare readonly CustomMark?: CustomMark;

  /** Internal: use `mark.c2c(...)` / `mark.group(...)` (the class is not exported; its arguments are not checked). */
  constructor(
    contact: ContactItem,
    set: readonly number[],
    clear: readonly number[],
    custom: string | undefined,
  ) {
    this.ContactItem = contact;
    const standard = set.length + clear.length > 0 ? STANDARD_BIT : 0;
    this.OptType = (standard | (custom === undefined ? 0 : CUSTOM_BIT)) as OptType;
    const self = this as { -readonly [K in keyof MarkItem]: MarkItem[K] };
    if (set.length > 0) self.SetMark = Object.freeze([...set]) as number[];
    if (clear.length > 0) self.ClearMark = Object.freeze([...clear]) as number[];
    if (custom !== undefined) self.CustomMark = custom;
    Object.freeze(this);
  }

  /** Also set these standard-mark positions (1..64, e.g. StandardMark.Star). */
  set(position: MarkPosition, ...more: MarkPosition[]): MarkChange {
    const added = positionsOf([position, ...more], 'SetMark', this.ContactItem);
    return new MarkChange(
      this.ContactItem,
      union(this.SetMark ?? [], added),
      without(this.ClearMark ?? [], added),
      this.CustomMark,
    );
  }

  /** Also clear these standard-mark positions. */
  clear(position: MarkPosition, ...more: MarkPosition[]): MarkChange {
    const removed = positionsOf([position, ...more], 'ClearMark', this.ContactItem);
    return new MarkChange(
      this.ContactItem,
      without(this.SetMark ?? [], removed),
      union(this.ClearMark ?? [], removed),
      this.CustomMark,
    );
  }

  /** Set the custom mark (at most 256 UTF-8 bytes). */
  custom(text: CustomMark): MarkChange {
    const CustomMark = named('mark.custom', this.ContactItem, () =>
      checkCustomMark(text, { field: 'CustomMark' }),
    );
    return new MarkChange(this.ContactItem, this.SetMark ?? [], this.ClearMark ?? [], CustomMark);
  }

  /** Remove the custom mark (the API clears it with an empty CustomMark). */
  clearCustom(): MarkChange {
    return new MarkChange(this.ContactItem, this.SetMark ?? [], this.ClearMark ?? [], '');
  }

  /** The plain MarkItem, as sent on the wire. */
  toJSON(): MarkItem {
    const item: MarkItem = { OptType: this.OptType, ContactItem: { ...this.ContactItem } };
    if (this.SetMark !== undefined) item.SetMark = [...this.SetMark];
    if (this.ClearMark !== undefined) item.ClearMark = [...this.ClearMark];
    if (this.CustomMark !== undefined) item.CustomMark = this.CustomMark;
    return item;
  }
}

/**
 * A conversation to mark, before anything is set: not yet a MarkItem (it has no OptType), so it
 * cannot be sent by mistake. Each method answers a MarkChange.
 */
export class MarkTarget {
  readonly ContactItem: ContactItem;

  constructor(contact: ContactItem, method: ClientMethod = 'mark.to') {
    this.ContactItem = Object.freeze(
      named(method, contact, () => checkContactItem(contact, { field: 'ContactItem' })),
    );
    Object.freeze(this);
  }

  private start(): MarkChange {
    // A MarkChange with nothing in it is never handed out: every path below adds something.
    return new MarkChange(this.ContactItem, [], [], undefined);
  }

  set(position: MarkPosition, ...more: MarkPosition[]): MarkChange {
    return this.start().set(position, ...more);
  }

  clear(position: MarkPosition, ...more: MarkPosition[]): MarkChange {
    return this.start().clear(position, ...more);
  }

  custom(text: CustomMark): MarkChange {
    return this.start().custom(text);
  }

  clearCustom(): MarkChange {
    return this.start().clearCustom();
  }
}

/** Builders of MarkItems: `mark.c2c('user1').set(StandardMark.Star).custom('vip')`. */
export const mark = {
  /** A one-to-one conversation with `To_Account`. */
  c2c(To_Account: UserID): MarkTarget {
    return new MarkTarget({ Type: 1, To_Account }, 'mark.c2c');
  },
  /** A group conversation (`ToGroupId`, e.g. `@TGS#...`). */
  group(ToGroupId: string): MarkTarget {
    return new MarkTarget({ Type: 2, ToGroupId }, 'mark.group');
  },
  /** A conversation given as a ContactItem (for instance one read back from get_contact_group). */
  to(contact: ContactItem): MarkTarget {
    return new MarkTarget(
      contact.Type === 1
        ? { Type: 1, To_Account: contact.To_Account }
        : { Type: 2, ToGroupId: contact.ToGroupId },
    );
  },
} as const;
