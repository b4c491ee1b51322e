-- Campaign audiences (decision 0056): a launched campaign's audience resolved once into a snapshot of ordered contact
-- ids, cut into chunks whose boundaries are fixed at resolution, and published slice after slice. next_chunk is the
-- progress: every chunk before it has been accepted by the event bus. Scoped by workspace like every table here.
CREATE TABLE campaign_audiences (
    workspace_id     text        NOT NULL,
    campaign_id      text        NOT NULL,
    campaign_version bigint      NOT NULL,
    audience_size    integer     NOT NULL,
    -- The first position (from 1) of each chunk; a chunk ends where the next starts (the last at audience_size).
    chunk_starts     integer[]   NOT NULL,
    next_chunk       integer     NOT NULL DEFAULT 0,
    -- The ULID the chunks' event ids derive from, so that a chunk published again carries the same event id.
    event_seed       text        NOT NULL,
    skipped_lists    text[]      NOT NULL DEFAULT '{}',
    skipped_segments text[]      NOT NULL DEFAULT '{}',
    lease_id         text,
    lease_until      timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    PRIMARY KEY (workspace_id, campaign_id, campaign_version)
);

-- The snapshot: position 1..audience_size in contact id order.
CREATE TABLE campaign_audience_members (
    workspace_id     text    NOT NULL,
    campaign_id      text    NOT NULL,
    campaign_version bigint  NOT NULL,
    position         integer NOT NULL,
    contact_id       text    NOT NULL,
    PRIMARY KEY (workspace_id, campaign_id, campaign_version, position)
);

ALTER TABLE campaign_audiences ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_audiences FORCE ROW LEVEL SECURITY;
ALTER TABLE campaign_audience_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_audience_members FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_rows ON campaign_audiences
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));
CREATE POLICY workspace_rows ON campaign_audience_members
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_audiences, campaign_audience_members TO contacts_query;
