CREATE TABLE `site_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`woo_publisher_name` text,
	`woo_publisher_uri` text,
	`accessibility_status` text DEFAULT 'B' NOT NULL,
	`accessibility_markdown` text,
	`accessibility_html` text,
	`privacy_markdown` text,
	`privacy_html` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `bodies` ADD `woo_footing` text DEFAULT 'artikel-3-1' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `is_advice` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The one row of site settings, there from the start so every edit has a version to check.
INSERT INTO `site_settings` (`id`) VALUES (1);
