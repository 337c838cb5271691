/**
 * Actions whose stored visibility flags (kept by triggers, migrations 0016 and 0031) disagree with the rule
 * evaluated live from their decision, item, meeting and list. Must always be empty.
 */
export const STALE_ACTION_FLAGS = `select a.id from actions a where a.public_origin <> exists (select 1 from decisions d
  join agenda_items i on i.id = d.agenda_item_id join meetings m on m.id = i.meeting_id
  join decision_lists l on l.meeting_id = m.id where d.id = a.decision_id and d.is_confidential = 0
  and i.is_confidential = 0 and (m.is_public = 1 or exists (select 1 from bodies b where b.id = m.body_id
  and b.woo_footing = 'dagelijks-bestuur')) and m.published_at is not null and l.status = 'vastgesteld')
  or a.confidential_origin <> (exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id
  where d.id = a.decision_id and (d.is_confidential = 1 or i.is_confidential = 1))
  or exists (select 1 from agenda_items i where i.id = a.agenda_item_id and i.is_confidential = 1))`;
