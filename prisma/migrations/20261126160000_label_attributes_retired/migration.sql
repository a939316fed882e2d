-- Labels and their attributes as data (issue #14, section 4; decision 0021).
--
-- 1. A label's attribute fields live on its row, defined by admins in
--    /admin/labels (lib/labels/fields.ts). The four built-in labels get the
--    fields that were hard-coded until now, under the same keys, so every
--    stored span keeps validating. A label whose fields an admin already set
--    (not '[]') is left alone.
ALTER TABLE "Label" ADD COLUMN "attributes" JSONB NOT NULL DEFAULT '[]';
UPDATE "Label" l SET "attributes" = d.fields
FROM (VALUES
  ('claim', '[{"key": "checkworthy", "name": "Check-worthy", "type": "boolean", "required": false}]'::jsonb),
  ('attribution', '[{"key": "speaker", "name": "Who is cited", "type": "text", "required": false, "maxLength": 200, "placeholder": "e.g. Activists, Tahir al-Omar"},
                    {"key": "kind", "name": "How", "type": "choice", "required": false, "options": ["named", "anonymous", "vague"]}]'::jsonb),
  ('loaded_language', '[{"key": "connotation", "name": "Connotation", "type": "text", "required": false, "maxLength": 1000, "placeholder": "What the wording implies"}]'::jsonb),
  ('unverified', '[{"key": "missingEvidence", "name": "Missing evidence", "type": "text", "required": false, "maxLength": 1000, "placeholder": "What would support it"}]'::jsonb)
) AS d(key, fields)
WHERE l.key = d.key AND l."attributes" = '[]'::jsonb;

-- 2. Retiring a label: its spans and figures stay, the annotator no longer
--    offers it, and no new span may use it.
ALTER TABLE "Label" ADD COLUMN "retiredAt" TIMESTAMPTZ(3);
