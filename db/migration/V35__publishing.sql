-- IATI publishing: what a finance officer withholds from the published activity file, and why.
-- A row with field PROJECT leaves the whole project out; any other field leaves out that part of
-- it (its description, its recipient countries, the names of its donors). The reason is shown on
-- the Publishing page beside what was left out, as the IATI exclusion policy asks.
CREATE TABLE publication_exclusion (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    project_id BIGINT        NOT NULL,
    field      VARCHAR(20)   NOT NULL,
    reason     VARCHAR(500)  NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    created_at DATETIME(6)   NOT NULL,
    created_by VARCHAR(60)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_publication_exclusion PRIMARY KEY (id),
    CONSTRAINT uk_publication_exclusion UNIQUE (project_id, field),
    CONSTRAINT fk_publication_exclusion_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_publication_exclusion_field CHECK (field IN ('PROJECT', 'DESCRIPTION', 'COUNTRIES', 'DONORS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE publication_exclusion_aud (
    id         BIGINT       NOT NULL,
    rev        BIGINT       NOT NULL,
    revtype    TINYINT,
    project_id BIGINT,
    field      VARCHAR(20),
    reason     VARCHAR(500),
    CONSTRAINT pk_publication_exclusion_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_publication_exclusion_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
