/** Where signing in lands when no page asked for it: the person's own start page. */
export const START_PAGE = "/mijn";
