-- Full-text search over every kind of record (FTS5, diacritics folded). The index holds text only;
-- who may see a result is decided in the search query itself from the live tables. Triggers keep it
-- in step with every insert, update and delete, including cascades.
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, kind UNINDEXED, record_id UNINDEXED, body_id UNINDEXED, year UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT 'Vergadering ' || (select name from bodies where id = R.body_id), coalesce(R.location, '') || ' ' || coalesce(R.registration_number, ''), 'meeting', R.id, R.body_id, strftime('%Y', R.starts_at / 1000, 'unixepoch') FROM `meetings` R;
--> statement-breakpoint
CREATE TRIGGER `search_meetings_insert` AFTER INSERT ON `meetings` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT 'Vergadering ' || (select name from bodies where id = new.body_id), coalesce(new.location, '') || ' ' || coalesce(new.registration_number, ''), 'meeting', new.id, new.body_id, strftime('%Y', new.starts_at / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_meetings_update` AFTER UPDATE ON `meetings` BEGIN DELETE FROM `search_index` WHERE kind = 'meeting' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT 'Vergadering ' || (select name from bodies where id = new.body_id), coalesce(new.location, '') || ' ' || coalesce(new.registration_number, ''), 'meeting', new.id, new.body_id, strftime('%Y', new.starts_at / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_meetings_delete` AFTER DELETE ON `meetings` BEGIN DELETE FROM `search_index` WHERE kind = 'meeting' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.subject, R.proposal_markdown, 'agenda_item', R.id, (select body_id from meetings where id = R.meeting_id), (select strftime('%Y', starts_at / 1000, 'unixepoch') from meetings where id = R.meeting_id) FROM `agenda_items` R;
--> statement-breakpoint
CREATE TRIGGER `search_agenda_items_insert` AFTER INSERT ON `agenda_items` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.subject, new.proposal_markdown, 'agenda_item', new.id, (select body_id from meetings where id = new.meeting_id), (select strftime('%Y', starts_at / 1000, 'unixepoch') from meetings where id = new.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_agenda_items_update` AFTER UPDATE ON `agenda_items` BEGIN DELETE FROM `search_index` WHERE kind = 'agenda_item' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.subject, new.proposal_markdown, 'agenda_item', new.id, (select body_id from meetings where id = new.meeting_id), (select strftime('%Y', starts_at / 1000, 'unixepoch') from meetings where id = new.meeting_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_agenda_items_delete` AFTER DELETE ON `agenda_items` BEGIN DELETE FROM `search_index` WHERE kind = 'agenda_item' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.reference || ' ' || (select subject from agenda_items where id = R.agenda_item_id), R.text_markdown || ' ' || R.discussion_markdown, 'decision', R.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = R.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = R.agenda_item_id) FROM `decisions` R;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_insert` AFTER INSERT ON `decisions` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.reference || ' ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown || ' ' || new.discussion_markdown, 'decision', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_update` AFTER UPDATE ON `decisions` BEGIN DELETE FROM `search_index` WHERE kind = 'decision' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.reference || ' ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown || ' ' || new.discussion_markdown, 'decision', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_decisions_delete` AFTER DELETE ON `decisions` BEGIN DELETE FROM `search_index` WHERE kind = 'decision' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.description, '', 'action', R.id, R.body_id, strftime('%Y', R.created_at / 1000, 'unixepoch') FROM `actions` R;
--> statement-breakpoint
CREATE TRIGGER `search_actions_insert` AFTER INSERT ON `actions` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.description, '', 'action', new.id, new.body_id, strftime('%Y', new.created_at / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_update` AFTER UPDATE ON `actions` BEGIN DELETE FROM `search_index` WHERE kind = 'action' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.description, '', 'action', new.id, new.body_id, strftime('%Y', new.created_at / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_delete` AFTER DELETE ON `actions` BEGIN DELETE FROM `search_index` WHERE kind = 'action' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, coalesce((select note_markdown from document_versions where document_id = R.id order by number desc limit 1), ''), 'document', R.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = R.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = R.agenda_item_id) FROM `documents` R;
--> statement-breakpoint
CREATE TRIGGER `search_documents_insert` AFTER INSERT ON `documents` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, coalesce((select note_markdown from document_versions where document_id = new.id order by number desc limit 1), ''), 'document', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_update` AFTER UPDATE ON `documents` BEGIN DELETE FROM `search_index` WHERE kind = 'document' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, coalesce((select note_markdown from document_versions where document_id = new.id order by number desc limit 1), ''), 'document', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_delete` AFTER DELETE ON `documents` BEGIN DELETE FROM `search_index` WHERE kind = 'document' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.description_markdown, 'programme', R.id, R.owner_body_id, substr(R.starts_on, 1, 4) FROM `programmes` R;
--> statement-breakpoint
CREATE TRIGGER `search_programmes_insert` AFTER INSERT ON `programmes` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.description_markdown, 'programme', new.id, new.owner_body_id, substr(new.starts_on, 1, 4); END;
--> statement-breakpoint
CREATE TRIGGER `search_programmes_update` AFTER UPDATE ON `programmes` BEGIN DELETE FROM `search_index` WHERE kind = 'programme' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.description_markdown, 'programme', new.id, new.owner_body_id, substr(new.starts_on, 1, 4); END;
--> statement-breakpoint
CREATE TRIGGER `search_programmes_delete` AFTER DELETE ON `programmes` BEGIN DELETE FROM `search_index` WHERE kind = 'programme' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.description_markdown || ' ' || coalesce(R.focus, ''), 'objective', R.id, (select owner_body_id from programmes where id = R.programme_id), (select substr(starts_on, 1, 4) from programmes where id = R.programme_id) FROM `objectives` R;
--> statement-breakpoint
CREATE TRIGGER `search_objectives_insert` AFTER INSERT ON `objectives` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.description_markdown || ' ' || coalesce(new.focus, ''), 'objective', new.id, (select owner_body_id from programmes where id = new.programme_id), (select substr(starts_on, 1, 4) from programmes where id = new.programme_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_objectives_update` AFTER UPDATE ON `objectives` BEGIN DELETE FROM `search_index` WHERE kind = 'objective' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.description_markdown || ' ' || coalesce(new.focus, ''), 'objective', new.id, (select owner_body_id from programmes where id = new.programme_id), (select substr(starts_on, 1, 4) from programmes where id = new.programme_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_objectives_delete` AFTER DELETE ON `objectives` BEGIN DELETE FROM `search_index` WHERE kind = 'objective' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.report_markdown, 'plan', R.id, R.body_id, cast(R.year as text) FROM `annual_plans` R;
--> statement-breakpoint
CREATE TRIGGER `search_annual_plans_insert` AFTER INSERT ON `annual_plans` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.report_markdown, 'plan', new.id, new.body_id, cast(new.year as text); END;
--> statement-breakpoint
CREATE TRIGGER `search_annual_plans_update` AFTER UPDATE ON `annual_plans` BEGIN DELETE FROM `search_index` WHERE kind = 'plan' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.report_markdown, 'plan', new.id, new.body_id, cast(new.year as text); END;
--> statement-breakpoint
CREATE TRIGGER `search_annual_plans_delete` AFTER DELETE ON `annual_plans` BEGIN DELETE FROM `search_index` WHERE kind = 'plan' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.body_markdown, 'plan_chapter', R.id, (select body_id from annual_plans where id = R.plan_id), (select cast(year as text) from annual_plans where id = R.plan_id) FROM `plan_chapters` R;
--> statement-breakpoint
CREATE TRIGGER `search_plan_chapters_insert` AFTER INSERT ON `plan_chapters` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.body_markdown, 'plan_chapter', new.id, (select body_id from annual_plans where id = new.plan_id), (select cast(year as text) from annual_plans where id = new.plan_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_plan_chapters_update` AFTER UPDATE ON `plan_chapters` BEGIN DELETE FROM `search_index` WHERE kind = 'plan_chapter' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.body_markdown, 'plan_chapter', new.id, (select body_id from annual_plans where id = new.plan_id), (select cast(year as text) from annual_plans where id = new.plan_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_plan_chapters_delete` AFTER DELETE ON `plan_chapters` BEGIN DELETE FROM `search_index` WHERE kind = 'plan_chapter' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.progress_note, 'plan_goal', R.id, (select body_id from annual_plans where id = R.plan_id), (select cast(year as text) from annual_plans where id = R.plan_id) FROM `plan_goals` R;
--> statement-breakpoint
CREATE TRIGGER `search_plan_goals_insert` AFTER INSERT ON `plan_goals` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.progress_note, 'plan_goal', new.id, (select body_id from annual_plans where id = new.plan_id), (select cast(year as text) from annual_plans where id = new.plan_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_plan_goals_update` AFTER UPDATE ON `plan_goals` BEGIN DELETE FROM `search_index` WHERE kind = 'plan_goal' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.progress_note, 'plan_goal', new.id, (select body_id from annual_plans where id = new.plan_id), (select cast(year as text) from annual_plans where id = new.plan_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_plan_goals_delete` AFTER DELETE ON `plan_goals` BEGIN DELETE FROM `search_index` WHERE kind = 'plan_goal' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.period, 'edition', R.id, null, strftime('%Y', coalesce(R.published_at, R.created_at) / 1000, 'unixepoch') FROM `newsletter_editions` R;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_editions_insert` AFTER INSERT ON `newsletter_editions` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.period, 'edition', new.id, null, strftime('%Y', coalesce(new.published_at, new.created_at) / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_editions_update` AFTER UPDATE ON `newsletter_editions` BEGIN DELETE FROM `search_index` WHERE kind = 'edition' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.period, 'edition', new.id, null, strftime('%Y', coalesce(new.published_at, new.created_at) / 1000, 'unixepoch'); END;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_editions_delete` AFTER DELETE ON `newsletter_editions` BEGIN DELETE FROM `search_index` WHERE kind = 'edition' AND record_id = old.id; END;
--> statement-breakpoint
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.title, R.body_markdown, 'newsletter_section', R.id, null, (select strftime('%Y', coalesce(published_at, created_at) / 1000, 'unixepoch') from newsletter_editions where id = R.edition_id) FROM `newsletter_sections` R;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_sections_insert` AFTER INSERT ON `newsletter_sections` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.body_markdown, 'newsletter_section', new.id, null, (select strftime('%Y', coalesce(published_at, created_at) / 1000, 'unixepoch') from newsletter_editions where id = new.edition_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_sections_update` AFTER UPDATE ON `newsletter_sections` BEGIN DELETE FROM `search_index` WHERE kind = 'newsletter_section' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.title, new.body_markdown, 'newsletter_section', new.id, null, (select strftime('%Y', coalesce(published_at, created_at) / 1000, 'unixepoch') from newsletter_editions where id = new.edition_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_newsletter_sections_delete` AFTER DELETE ON `newsletter_sections` BEGIN DELETE FROM `search_index` WHERE kind = 'newsletter_section' AND record_id = old.id; END;
--> statement-breakpoint
CREATE TRIGGER `search_document_versions_insert` AFTER INSERT ON `document_versions` BEGIN DELETE FROM `search_index` WHERE kind = 'document' AND record_id = new.document_id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT d.title, coalesce(new.note_markdown, ''), 'document', d.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = d.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = d.agenda_item_id) FROM `documents` d WHERE d.id = new.document_id; END;
