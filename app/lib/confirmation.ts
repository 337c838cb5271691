// A step that mails people or deletes something is confirmed first (issue 20). The form posts
// `bevestigd=ja` only from the confirmation: a single click, a replayed request or a form without
// JavaScript never acts at once. The server answers an unconfirmed post with a Confirmation, which the
// page shows as its own step; with JavaScript the same question is asked in a <dialog> before posting.

export const CONFIRMED_FIELD = "bevestigd";

/** What the confirmation step shows, and the fields to post again once confirmed. */
export type Confirmation = {
  title: string;
  question: string;
  confirmLabel: string;
  danger: boolean;
  fields: Array<[string, string]>;
};

/** What a page passes to its confirming form; the server computes the same for the page without JavaScript. */
export type ConfirmationText = Pick<Confirmation, "title" | "question" | "confirmLabel" | "danger">;

/** "1 genodigde krijgt", "12 genodigden krijgen": a count with its noun and verb in number. */
export function countOf(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}
