import { Link } from "@remix-run/react";

export function Breadcrumb({ items }: { items: { to: string; label: string }[] }) {
  return (
    <nav aria-label="Kruimelpad" className="gremium-breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link className="nl-link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
