-- Donors of the Fund and their contact persons.
CREATE TABLE donor (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(200)  NOT NULL,
    donor_type      VARCHAR(50)   NOT NULL,
    country         VARCHAR(3),
    iati_identifier VARCHAR(100),
    iati_org_type   VARCHAR(3),
    notes           VARCHAR(2000),
    active          BOOLEAN       NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_donor PRIMARY KEY (id),
    CONSTRAINT fk_donor_country FOREIGN KEY (country) REFERENCES country (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_donor_name ON donor (name);
CREATE INDEX ix_donor_type ON donor (donor_type);

CREATE TABLE donor_contact (
    donor_id   BIGINT       NOT NULL,
    position   INT          NOT NULL,
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(254),
    role       VARCHAR(100),
    CONSTRAINT pk_donor_contact PRIMARY KEY (donor_id, position),
    CONSTRAINT fk_donor_contact_donor FOREIGN KEY (donor_id) REFERENCES donor (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE donor_aud (
    id              BIGINT       NOT NULL,
    rev             BIGINT       NOT NULL,
    revtype         TINYINT,
    name            VARCHAR(200),
    donor_type      VARCHAR(50),
    country         VARCHAR(3),
    iati_identifier VARCHAR(100),
    iati_org_type   VARCHAR(3),
    notes           VARCHAR(2000),
    active          BOOLEAN,
    CONSTRAINT pk_donor_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_donor_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE donor_contact_aud (
    rev      BIGINT       NOT NULL,
    revtype  TINYINT,
    donor_id BIGINT       NOT NULL,
    position INT          NOT NULL,
    name     VARCHAR(200),
    email    VARCHAR(254),
    role     VARCHAR(100),
    -- No primary key: Envers writes a removal and an addition for the same position in one revision.
    CONSTRAINT fk_donor_contact_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_donor_contact_aud_donor ON donor_contact_aud (donor_id, rev);
