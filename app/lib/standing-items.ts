/** Whether an agenda item is the standing "Actielijst" item, which shows and processes the body's actions. */
export function isActionListItem(subject: string | null) {
  return subject !== null && /^actielijst\b/i.test(subject.trim());
}
