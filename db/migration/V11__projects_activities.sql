-- Requests for assistance, projects, allocations, activities and expenditure (paragraph 8).

CREATE TABLE assistance_request (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    state            VARCHAR(3)    NOT NULL,
    received_on      DATE          NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    description      VARCHAR(2000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    decline_reason   VARCHAR(500),
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_assistance_request PRIMARY KEY (id),
    CONSTRAINT fk_assistance_request_state FOREIGN KEY (state) REFERENCES country (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assistance_request_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    state            VARCHAR(3)   ,
    received_on      DATE         ,
    channel          VARCHAR(20)  ,
    description      VARCHAR(2000),
    status           VARCHAR(20)  ,
    decline_reason   VARCHAR(500),
    CONSTRAINT pk_assistance_request_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_assistance_request_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assistance_request_subject (
    request_id BIGINT NOT NULL,
    subject VARCHAR(40) NOT NULL,
    CONSTRAINT pk_assistance_request_subject PRIMARY KEY (request_id, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assistance_request_subject_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    request_id BIGINT NOT NULL,
    subject VARCHAR(40) NOT NULL,
    CONSTRAINT pk_assistance_request_subject_aud PRIMARY KEY (rev, request_id, subject),
    CONSTRAINT fk_assistance_request_subject_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assistance_request_instrument (
    request_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_assistance_request_instrument PRIMARY KEY (request_id, instrument)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assistance_request_instrument_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    request_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_assistance_request_instrument_aud PRIMARY KEY (rev, request_id, instrument),
    CONSTRAINT fk_assistance_request_instrument_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    code             VARCHAR(30)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    description      VARCHAR(4000),
    theme            VARCHAR(30)   NOT NULL,
    implementing_entity_id BIGINT NOT NULL,
    planned_start    DATE,
    planned_end      DATE,
    actual_start     DATE,
    actual_end       DATE,
    status           INT           NOT NULL,
    dac_code         VARCHAR(5)    NOT NULL,
    psc_rate         DECIMAL(5,4)  NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_project PRIMARY KEY (id),
    CONSTRAINT uk_project_code UNIQUE (code),
    CONSTRAINT fk_project_entity FOREIGN KEY (implementing_entity_id) REFERENCES implementing_entity (id),
    CONSTRAINT fk_project_dac FOREIGN KEY (dac_code) REFERENCES dac_purpose_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    code             VARCHAR(30)  ,
    title            VARCHAR(300) ,
    description      VARCHAR(4000),
    theme            VARCHAR(30)  ,
    implementing_entity_id BIGINT,
    planned_start    DATE,
    planned_end      DATE,
    actual_start     DATE,
    actual_end       DATE,
    status           INT          ,
    dac_code         VARCHAR(5)   ,
    psc_rate         DECIMAL(5,4) ,
    CONSTRAINT pk_project_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_project_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_instrument (
    project_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_project_instrument PRIMARY KEY (project_id, instrument)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_instrument_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    project_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_project_instrument_aud PRIMARY KEY (rev, project_id, instrument),
    CONSTRAINT fk_project_instrument_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_country (
    project_id BIGINT NOT NULL,
    country VARCHAR(3) NOT NULL,
    CONSTRAINT pk_project_country PRIMARY KEY (project_id, country)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_country_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    project_id BIGINT NOT NULL,
    country VARCHAR(3) NOT NULL,
    CONSTRAINT pk_project_country_aud PRIMARY KEY (rev, project_id, country),
    CONSTRAINT fk_project_country_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_manager (
    project_id BIGINT NOT NULL,
    username VARCHAR(60) NOT NULL,
    CONSTRAINT pk_project_manager PRIMARY KEY (project_id, username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_manager_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    project_id BIGINT NOT NULL,
    username VARCHAR(60) NOT NULL,
    CONSTRAINT pk_project_manager_aud PRIMARY KEY (rev, project_id, username),
    CONSTRAINT fk_project_manager_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_request (
    project_id BIGINT NOT NULL,
    request_id BIGINT NOT NULL,
    CONSTRAINT pk_project_request PRIMARY KEY (project_id, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE project_request_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    project_id BIGINT NOT NULL,
    request_id BIGINT NOT NULL,
    CONSTRAINT pk_project_request_aud PRIMARY KEY (rev, project_id, request_id),
    CONSTRAINT fk_project_request_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_line (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    budget_year      INT           NOT NULL,
    category         VARCHAR(30)   NOT NULL,
    amount_usd       DECIMAL(19,4) NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_budget_line PRIMARY KEY (id),
    CONSTRAINT fk_budget_line_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT uk_budget_line UNIQUE (project_id, budget_year, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_line_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    project_id       BIGINT       ,
    budget_year      INT          ,
    category         VARCHAR(30)  ,
    amount_usd       DECIMAL(19,4),
    CONSTRAINT pk_budget_line_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_budget_line_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE allocation (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id     BIGINT        NOT NULL,
    project_id       BIGINT        NOT NULL,
    amount_usd       DECIMAL(19,4) NOT NULL,
    allocated_on     DATE          NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_allocation PRIMARY KEY (id),
    CONSTRAINT fk_allocation_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT fk_allocation_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE allocation_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    agreement_id     BIGINT       ,
    project_id       BIGINT       ,
    amount_usd       DECIMAL(19,4),
    allocated_on     DATE         ,
    CONSTRAINT pk_allocation_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_allocation_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_allocation_agreement ON allocation (agreement_id);
CREATE INDEX ix_allocation_project ON allocation (project_id);

CREATE TABLE activity (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    activity_type    VARCHAR(40)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    mode             VARCHAR(20)   NOT NULL,
    country          VARCHAR(3),
    city             VARCHAR(100),
    women            INT           NOT NULL,
    men              INT           NOT NULL,
    sex_not_recorded INT           NOT NULL,
    central_authority INT           NOT NULL,
    prosecution      INT           NOT NULL,
    judiciary        INT           NOT NULL,
    law_enforcement  INT           NOT NULL,
    ministry         INT           NOT NULL,
    other_institution INT           NOT NULL,
    outputs          VARCHAR(2000),
    notes            VARCHAR(2000),
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_activity PRIMARY KEY (id),
    CONSTRAINT fk_activity_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_activity_country FOREIGN KEY (country) REFERENCES country (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    project_id       BIGINT       ,
    activity_type    VARCHAR(40)  ,
    title            VARCHAR(300) ,
    start_date       DATE         ,
    end_date         DATE         ,
    mode             VARCHAR(20)  ,
    country          VARCHAR(3),
    city             VARCHAR(100),
    women            INT          ,
    men              INT          ,
    sex_not_recorded INT          ,
    central_authority INT          ,
    prosecution      INT          ,
    judiciary        INT          ,
    law_enforcement  INT          ,
    ministry         INT          ,
    other_institution INT          ,
    outputs          VARCHAR(2000),
    notes            VARCHAR(2000),
    CONSTRAINT pk_activity_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_activity_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_activity_project ON activity (project_id, start_date);

CREATE TABLE activity_instrument (
    activity_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_activity_instrument PRIMARY KEY (activity_id, instrument)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_instrument_aud (
    rev     BIGINT NOT NULL,
    revtype TINYINT,
    activity_id BIGINT NOT NULL,
    instrument VARCHAR(40) NOT NULL,
    CONSTRAINT pk_activity_instrument_aud PRIMARY KEY (rev, activity_id, instrument),
    CONSTRAINT fk_activity_instrument_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE expenditure (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    activity_id      BIGINT,
    spent_on         DATE          NOT NULL,
    category         VARCHAR(30)   NOT NULL,
    amount           DECIMAL(19,4) NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    rate             DECIMAL(19,8) NOT NULL,
    rate_date        DATE          NOT NULL,
    usd_amount       DECIMAL(19,4) NOT NULL,
    psc_rate         DECIMAL(5,4)  NOT NULL,
    psc_usd          DECIMAL(19,4) NOT NULL,
    reference        VARCHAR(100),
    description      VARCHAR(500),
    reversal_of      BIGINT,
    reason           VARCHAR(500),
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_expenditure PRIMARY KEY (id),
    CONSTRAINT fk_expenditure_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_expenditure_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_expenditure_reversal FOREIGN KEY (reversal_of) REFERENCES expenditure (id),
    CONSTRAINT uk_expenditure_reversal UNIQUE (reversal_of)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE expenditure_aud (
    id               BIGINT        NOT NULL,
    rev              BIGINT        NOT NULL,
    revtype          TINYINT,
    project_id       BIGINT       ,
    activity_id      BIGINT,
    spent_on         DATE         ,
    category         VARCHAR(30)  ,
    amount           DECIMAL(19,4),
    currency         VARCHAR(3)   ,
    rate             DECIMAL(19,8),
    rate_date        DATE         ,
    usd_amount       DECIMAL(19,4),
    psc_rate         DECIMAL(5,4) ,
    psc_usd          DECIMAL(19,4),
    reference        VARCHAR(100),
    description      VARCHAR(500),
    reversal_of      BIGINT,
    reason           VARCHAR(500),
    CONSTRAINT pk_expenditure_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_expenditure_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_expenditure_project ON expenditure (project_id, spent_on);
