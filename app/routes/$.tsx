import { notFound } from "~/auth/guards";

// Every unknown URL lands here, so the 404 page renders inside the site layout.
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
