// The viewer is defined by the access layer, which alone reads what it grants (app/models/access/).
export type { SignedInViewer, Viewer } from "~/models/access/viewer";
