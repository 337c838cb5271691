CREATE TABLE `annual_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`agenda_item_id` integer,
	`decision_id` integer,
	`adopted_at` integer,
	`closed_at` integer,
	`report_markdown` text DEFAULT '' NOT NULL,
	`report_html` text DEFAULT '' NOT NULL,
	`report_published_at` integer,
	`copied_from_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`copied_from_id`) REFERENCES `annual_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_plans_body_year_idx` ON `annual_plans` (`body_id`,`year`);--> statement-breakpoint
CREATE INDEX `annual_plans_item_idx` ON `annual_plans` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `annual_plans_decision_idx` ON `annual_plans` (`decision_id`);--> statement-breakpoint
CREATE INDEX `annual_plans_copied_idx` ON `annual_plans` (`copied_from_id`);--> statement-breakpoint
CREATE TABLE `goal_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer,
	`plan_goal_id` integer,
	`agenda_item_id` integer,
	`decision_id` integer,
	`action_id` integer,
	`target_plan_goal_id` integer,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_goal_id`) REFERENCES `plan_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_plan_goal_id`) REFERENCES `plan_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_links_objective_idx` ON `goal_links` (`objective_id`);--> statement-breakpoint
CREATE INDEX `goal_links_plan_goal_idx` ON `goal_links` (`plan_goal_id`);--> statement-breakpoint
CREATE INDEX `goal_links_item_idx` ON `goal_links` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `goal_links_decision_idx` ON `goal_links` (`decision_id`);--> statement-breakpoint
CREATE INDEX `goal_links_action_idx` ON `goal_links` (`action_id`);--> statement-breakpoint
CREATE INDEX `goal_links_target_goal_idx` ON `goal_links` (`target_plan_goal_id`);--> statement-breakpoint
CREATE INDEX `goal_links_creator_idx` ON `goal_links` (`created_by_user_id`);--> statement-breakpoint
CREATE TABLE `objective_status_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer NOT NULL,
	`status` text NOT NULL,
	`status_on` text NOT NULL,
	`explanation` text NOT NULL,
	`author_name` text NOT NULL,
	`author_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objective_status_updates_objective_idx` ON `objective_status_updates` (`objective_id`,`status_on`);--> statement-breakpoint
CREATE INDEX `objective_status_updates_author_idx` ON `objective_status_updates` (`author_user_id`);--> statement-breakpoint
CREATE TABLE `objectives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`description_markdown` text DEFAULT '' NOT NULL,
	`description_html` text DEFAULT '' NOT NULL,
	`lead_person_id` integer,
	`focus` text,
	`status` text DEFAULT 'op_koers' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objectives_programme_number_idx` ON `objectives` (`programme_id`,`number`);--> statement-breakpoint
CREATE INDEX `objectives_lead_idx` ON `objectives` (`lead_person_id`);--> statement-breakpoint
CREATE TABLE `plan_budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `annual_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_budget_lines_plan_idx` ON `plan_budget_lines` (`plan_id`,`kind`,`position`);--> statement-breakpoint
CREATE TABLE `plan_chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`body_markdown` text DEFAULT '' NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `annual_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_chapters_plan_idx` ON `plan_chapters` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`owner_name` text,
	`quarter` integer,
	`status` text DEFAULT 'gepland' NOT NULL,
	`progress_note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `annual_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_goals_plan_idx` ON `plan_goals` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`owner_body_id` integer NOT NULL,
	`description_markdown` text DEFAULT '' NOT NULL,
	`description_html` text DEFAULT '' NOT NULL,
	`predecessor_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`predecessor_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_slug_unique` ON `programmes` (`slug`);--> statement-breakpoint
CREATE INDEX `programmes_owner_idx` ON `programmes` (`owner_body_id`);--> statement-breakpoint
CREATE INDEX `programmes_predecessor_idx` ON `programmes` (`predecessor_id`);