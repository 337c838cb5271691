ALTER TABLE `document_versions` ADD `extracted_text` text;
--> statement-breakpoint
-- A document's searchable text is its note, or the text read from its uploaded file.
DROP TRIGGER `search_documents_insert`;
--> statement-breakpoint
DROP TRIGGER `search_documents_update`;
--> statement-breakpoint
DROP TRIGGER `search_document_versions_insert`;
--> statement-breakpoint
CREATE TRIGGER `search_documents_insert` AFTER INSERT ON `documents` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, coalesce((select coalesce(note_markdown, extracted_text, '') from document_versions where document_id = new.id order by number desc limit 1), ''), 'document', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_update` AFTER UPDATE ON `documents` BEGIN DELETE FROM `search_index` WHERE kind = 'document' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, coalesce((select coalesce(note_markdown, extracted_text, '') from document_versions where document_id = new.id order by number desc limit 1), ''), 'document', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_document_versions_insert` AFTER INSERT ON `document_versions` BEGIN DELETE FROM `search_index` WHERE kind = 'document' AND record_id = new.document_id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT d.title, coalesce(new.note_markdown, new.extracted_text, ''), 'document', d.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = d.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = d.agenda_item_id) FROM `documents` d WHERE d.id = new.document_id; END;
