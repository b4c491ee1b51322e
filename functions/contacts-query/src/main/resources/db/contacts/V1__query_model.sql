-- The contacts query model: a projection of the contacts table (DynamoDB), kept by contact.* events and repaired by
-- the hourly reconciliation. Every row carries workspace_id; row-level security lets a transaction see and write
-- only the rows of the workspace it names in the setting penguinmails.workspace_id, as role contacts_query.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'contacts_query') THEN
        CREATE ROLE contacts_query NOLOGIN;
    END IF;
END
$$;
-- The connecting user switches to contacts_query in each transaction (SET LOCAL ROLE), so it must be a member.
GRANT contacts_query TO CURRENT_USER;

-- One row per contact id ever projected. A deleted contact keeps a tombstone (deleted, its version, nothing
-- personal), so that an update delivered late cannot bring it back.
CREATE TABLE contacts (
    workspace_id  text        NOT NULL,
    contact_id    text        NOT NULL,
    version       bigint      NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    email         text,
    email_domain  text,
    first_name    text,
    last_name     text,
    company       text,
    title         text,
    phone         text,
    timezone      text,
    tags          text[]      NOT NULL DEFAULT '{}',
    custom_fields jsonb       NOT NULL DEFAULT '{}',
    source        text,
    status        text,
    created_at    timestamptz,
    updated_at    timestamptz,
    PRIMARY KEY (workspace_id, contact_id)
);
CREATE INDEX contacts_tags ON contacts USING gin (tags) WHERE NOT deleted;
CREATE INDEX contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops) WHERE NOT deleted;
CREATE INDEX contacts_email_domain ON contacts (workspace_id, email_domain) WHERE NOT deleted;

-- Static lists and their members: the lists' system of record is the contacts table (DynamoDB); these rows are
-- written through by the lists API and repaired by reconciliation like contacts.
CREATE TABLE contact_lists (
    workspace_id text        NOT NULL,
    list_id      text        NOT NULL,
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, list_id)
);
CREATE TABLE list_members (
    workspace_id text        NOT NULL,
    list_id      text        NOT NULL,
    contact_id   text        NOT NULL,
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, list_id, contact_id)
);
CREATE INDEX list_members_by_contact ON list_members (workspace_id, contact_id);

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
ALTER TABLE contact_lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_lists FORCE ROW LEVEL SECURITY;
ALTER TABLE list_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE list_members FORCE ROW LEVEL SECURITY;

CREATE POLICY workspace_rows ON contacts
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));
CREATE POLICY workspace_rows ON contact_lists
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));
CREATE POLICY workspace_rows ON list_members
    USING (workspace_id = current_setting('penguinmails.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('penguinmails.workspace_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON contacts, contact_lists, list_members TO contacts_query;
