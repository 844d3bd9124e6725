-- Countries and areas (ISO 3166 alpha-3 as the key), seeded by V3 from the UN reference file.
CREATE TABLE country (
    code                VARCHAR(3)     NOT NULL,
    iso2                CHAR(2),
    m49                 INT,
    name_en             VARCHAR(200) NOT NULL,
    name_fr             VARCHAR(200) NOT NULL,
    name_es             VARCHAR(200) NOT NULL,
    region              VARCHAR(60),
    sub_region          VARCHAR(100),
    intermediate_region VARCHAR(100),
    ldc                 BOOLEAN      NOT NULL,
    lldc                BOOLEAN      NOT NULL,
    sids                BOOLEAN      NOT NULL,
    currency            VARCHAR(3),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    created_by          VARCHAR(60)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    updated_by          VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_country PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
