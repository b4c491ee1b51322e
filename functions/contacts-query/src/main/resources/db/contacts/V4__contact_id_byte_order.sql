-- The reconciliation walks a workspace's contacts in pages in DynamoDB's sort-key order (bytes) and reads the same
-- id range here; an index in that order keeps each page's range read from scanning the workspace.
CREATE INDEX contacts_id_bytes ON contacts (workspace_id, (contact_id COLLATE "C"));
