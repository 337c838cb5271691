import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFPage } from "pdf-lib";

// pdf-lib has no API for bookmarks, so this builds the outline dictionaries of the PDF specification
// (ISO 32000, 12.3.3). The pack's bookmarks lead to every item and paper, uploaded ones included.

export type Bookmark = { title: string; page: PDFPage; children?: Bookmark[] };

/** Writes the bookmarks (outline) and asks readers to open with the bookmarks panel shown. */
export function setBookmarks(doc: PDFDocument, bookmarks: Bookmark[]) {
  if (bookmarks.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();

  const writeLevel = (entries: Bookmark[], parentRef: ReturnType<typeof context.nextRef>) => {
    const refs = entries.map(() => context.nextRef());
    let total = 0;
    entries.forEach((entry, index) => {
      const children = entry.children ?? [];
      const childLevel = children.length ? writeLevel(children, refs[index]) : null;
      const dict = context.obj({
        Title: PDFHexString.fromText(entry.title),
        Parent: parentRef,
        Dest: [entry.page.ref, "Fit"],
      });
      if (index > 0) dict.set(PDFName.of("Prev"), refs[index - 1]);
      if (index < entries.length - 1) dict.set(PDFName.of("Next"), refs[index + 1]);
      if (childLevel) {
        dict.set(PDFName.of("First"), childLevel.first);
        dict.set(PDFName.of("Last"), childLevel.last);
        // A positive count shows the item opened, so a reader sees the documents under each item.
        dict.set(PDFName.of("Count"), PDFNumber.of(childLevel.count));
      }
      context.assign(refs[index], dict);
      total += 1 + (childLevel?.count ?? 0);
    });
    return { first: refs[0], last: refs[refs.length - 1], count: total };
  };

  const level = writeLevel(bookmarks, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: "Outlines", First: level.first, Last: level.last, Count: PDFNumber.of(level.count) }),
  );
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
