-- Contact exports: one row per export job, with its checkpoint (rows written, the last contact id written, the
-- S3 multipart upload and its parts so far) so that a slice that ends or dies is continued without a duplicated
-- or missing row. Scoped by workspace like every table of the query model.
CREATE TABLE contact_exports (
    workspace_id    text        NOT NULL,
    export_id       text        NOT NULL,
    state           text        NOT NULL,
    segment_id      text,
    list_id         text,
    definition      jsonb,
    columns         text[]      NOT NULL,
    total           bigint      NOT NULL,
    rows_written    bigint      NOT NULL DEFAULT 0,
    last_contact_id text,
    upload_id       text,
    parts           jsonb       NOT NULL DEFAULT '[]',
    all_parts       boolean     NOT NULL DEFAULT false,
    size_bytes      bigint      NOT NULL DEFAULT 0,
    problem         text,
    reason          text,
    lease_id        text,
    lease_until     timestamptz,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    completed_at    timestamptz,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, export_id)
);

ALTER TABLE contact_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_rows ON contact_exports
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON contact_exports TO contacts_query;
