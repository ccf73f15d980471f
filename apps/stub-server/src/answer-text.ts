// The JSON text of an answer. mark_contact's answers (the hot path of every load run) are written
// field by field: Node 20's JSON.stringify takes its generic path on them (a toJSON lookup per
// object) and costs several times this writer. The text is the one JSON.stringify gives for the same object, byte for byte (a test
// compares the two on every answer shape), so the choice of writer is invisible to clients.
// Field names are checked against the generated types: a field renamed in the spec breaks this
// file's compile too.
import type {
  CommandName,
  ContactItemEcho,
  MarkContactAnswer,
  MarkResultItem,
  ResponseEnvelope,
} from '@tim-marks/types';
import type { ApiAnswer } from './envelope.js';

/** `"Name":` of a field of T. */
function key<T>(name: keyof T & string): string {
  return `"${name}":`;
}

const RESULT_ITEM = `{${key<MarkContactAnswer>('ResultItem')}[`;
const ACTION_STATUS = `],${key<ResponseEnvelope>('ActionStatus')}`;
const ERROR_CODE = `,${key<ResponseEnvelope>('ErrorCode')}`;
const ERROR_INFO = `,${key<ResponseEnvelope>('ErrorInfo')}`;
const ERROR_DISPLAY = `,${key<ResponseEnvelope>('ErrorDisplay')}`;
const OPT_TYPE = key<MarkResultItem>('OptType');
const CONTACT_ITEM = key<MarkResultItem>('ContactItem');
const TYPE = `{${key<ContactItemEcho>('Type')}`;
const TO_ACCOUNT = `,${key<ContactItemEcho>('To_Account')}`;
const TO_GROUP_ID = `,${key<ContactItemEcho>('ToGroupId')}`;
const RESULT_CODE = key<MarkResultItem>('ResultCode');
const RESULT_INFO = `,${key<MarkResultItem>('ResultInfo')}`;

/** A character JSON.stringify would escape (controls, quote, backslash, a lone surrogate half). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text), without its cost for the usual strings (empty, or nothing to escape). */
function quote(text: string): string {
  if (text === '') return '""';
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** The text of a command's answer. */
export function answerText(command: CommandName | undefined, answer: ApiAnswer): string {
  if (command === 'markContact' && answer.ResultItem !== undefined) {
    return markContactText(answer as MarkContactAnswer);
  }
  return JSON.stringify(answer);
}

/** A mark_contact answer with its ResultItem list, in the field order `results()` builds it. */
function markContactText(answer: MarkContactAnswer): string {
  const items = answer.ResultItem as MarkResultItem[];
  let text = RESULT_ITEM;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += resultItemText(items[i] as MarkResultItem);
  }
  text += `${ACTION_STATUS}${quote(answer.ActionStatus)}${ERROR_CODE}${answer.ErrorCode}`;
  text += `${ERROR_INFO}${quote(answer.ErrorInfo)}`;
  if (answer.ErrorDisplay !== undefined) text += `${ERROR_DISPLAY}${quote(answer.ErrorDisplay)}`;
  return `${text}}`;
}

function resultItemText(item: MarkResultItem): string {
  let text = '{';
  if (item.OptType !== undefined) text += `${OPT_TYPE}${item.OptType},`;
  const contact = item.ContactItem;
  if (contact !== undefined) {
    text += `${CONTACT_ITEM}${TYPE}${contact.Type}`;
    if (contact.To_Account !== undefined) text += `${TO_ACCOUNT}${quote(contact.To_Account)}`;
    if (contact.ToGroupId !== undefined) text += `${TO_GROUP_ID}${quote(contact.ToGroupId)}`;
    text += '},';
  }
  return `${text}${RESULT_CODE}${item.ResultCode}${RESULT_INFO}${quote(item.ResultInfo)}}`;
}
