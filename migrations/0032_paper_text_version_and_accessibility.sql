ALTER TABLE `document_versions` ADD `text_html` text;--> statement-breakpoint
ALTER TABLE `document_versions` ADD `accessibility_problems` text;