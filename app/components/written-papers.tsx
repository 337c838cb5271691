/** The papers of a written procedure, each a download; `href` builds the link (with a key for a mailed link). */
export function WrittenPapers({
  papers,
  href,
}: {
  papers: readonly { id: number; title: string; fileName: string }[];
  href: (paperId: number) => string;
}) {
  if (papers.length === 0) return null;
  return (
    <>
      <h2 className="nl-heading nl-heading--level-2">Stukken</h2>
      <ul className="gremium-plain-list">
        {papers.map((paper) => (
          <li key={paper.id}>
            <a className="nl-link" href={href(paper.id)}>
              {paper.title}
            </a>{" "}
            <span className="gremium-muted">({paper.fileName})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
