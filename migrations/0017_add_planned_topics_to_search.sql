-- Planned topics of the bestuursagenda become searchable like every other record (see 0012). The index
-- holds the subject and the owner, both shown on the public planning page; a besloten topic is found
-- only by those who may see it, which the search query decides from the live table.
INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT R.subject, coalesce(R.owner_name, ''), 'planned_topic', R.id, R.body_id, coalesce((select strftime('%Y', starts_at / 1000 + 3600, 'unixepoch') from meetings where id = R.meeting_id), substr(R.quarter, 1, 4)) FROM `planned_topics` R;
--> statement-breakpoint
CREATE TRIGGER `search_planned_topics_insert` AFTER INSERT ON `planned_topics` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.subject, coalesce(new.owner_name, ''), 'planned_topic', new.id, new.body_id, coalesce((select strftime('%Y', starts_at / 1000 + 3600, 'unixepoch') from meetings where id = new.meeting_id), substr(new.quarter, 1, 4)); END;
--> statement-breakpoint
CREATE TRIGGER `search_planned_topics_update` AFTER UPDATE OF `subject`, `owner_name`, `body_id`, `meeting_id`, `quarter` ON `planned_topics` BEGIN DELETE FROM `search_index` WHERE kind = 'planned_topic' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.subject, coalesce(new.owner_name, ''), 'planned_topic', new.id, new.body_id, coalesce((select strftime('%Y', starts_at / 1000 + 3600, 'unixepoch') from meetings where id = new.meeting_id), substr(new.quarter, 1, 4)); END;
--> statement-breakpoint
CREATE TRIGGER `search_planned_topics_delete` AFTER DELETE ON `planned_topics` BEGIN DELETE FROM `search_index` WHERE kind = 'planned_topic' AND record_id = old.id; END;
