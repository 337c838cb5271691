/** The marker a besloten item, paper or decision carries in every page and export a member gets. */
export const CONFIDENTIAL_MARK = "BESLOTEN";

/** The warning on every page of a file, and at the top of a page, that holds besloten content. */
export const CONFIDENTIAL_NOTICE = "Bevat besloten informatie — niet verder verspreiden";
