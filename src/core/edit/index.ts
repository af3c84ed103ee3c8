export {
  addEntry,
  duplicateEntry,
  inExampleOrder,
  moveEntry,
  removeEntry,
  renameEntry,
  scalarSource,
  setValue,
  yamlOf,
  type After,
  type EntryValue,
  type ScalarValue,
} from './edit.ts';
export { applyEdit, chain, diffEdit, type EditResult, type TextEdit } from './text.ts';
export { fixEdit } from './fix.ts';
export { editInBlock, entryBlock } from './scope.ts';
export { keyName, trackKeys, type KeyChanges, type TrackedKey } from './keys.ts';
export { settleGroups, type Settled } from './renamed.ts';
