-- Capacity-building (resolution 2004/23, paragraph 8): reference data for projects, requests
-- for assistance from States, projects, allocations from agreements, activities with their
-- participants, and expenditure with programme support costs.

ALTER TABLE country ADD COLUMN classification VARCHAR(30) NOT NULL DEFAULT 'DEVELOPING';

CREATE TABLE country_aud (
    code           VARCHAR(3)   NOT NULL,
    rev            BIGINT       NOT NULL,
    revtype        TINYINT,
    classification VARCHAR(30),
    CONSTRAINT pk_country_aud PRIMARY KEY (code, rev),
    CONSTRAINT fk_country_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dac_purpose_code (
    code VARCHAR(5)   NOT NULL,
    name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_dac_purpose_code PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE implementing_entity (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(30)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(60)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_implementing_entity PRIMARY KEY (id),
    CONSTRAINT uk_implementing_entity_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
