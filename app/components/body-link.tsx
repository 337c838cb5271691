import { Link } from "@remix-run/react";
import { StatusBadge } from "./status-badge";

export function BodyLink({ body }: { body: { slug: string; name: string; retired?: boolean } }) {
  return (
    <>
      <Link className="nl-link" to={`/gremia/${body.slug}`}>
        {body.name}
      </Link>
      {body.retired ? (
        <>
          {" "}
          <StatusBadge tone="neutral">opgeheven</StatusBadge>
        </>
      ) : null}
    </>
  );
}
