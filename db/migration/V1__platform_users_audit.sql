-- Platform schema: users and roles, the Envers revision log, and the sign-in event log.
-- Portable across MySQL 8.4, MariaDB 10.11 and H2 (MySQL mode): see ../../README.md and STACK.md.

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(60)  NOT NULL,
    full_name           VARCHAR(200) NOT NULL,
    email               VARCHAR(254),
    password_hash       VARCHAR(200) NOT NULL,
    password_changed_at DATETIME(6),
    enabled             BOOLEAN      NOT NULL,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6),
    last_login_at       DATETIME(6),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    created_by          VARCHAR(60)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    updated_by          VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(30) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Hibernate Envers: one row per transaction that changed audited records, with who made it.
CREATE TABLE revision (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    revtstmp   BIGINT      NOT NULL,
    username   VARCHAR(60) NOT NULL,
    CONSTRAINT pk_revision PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_revision_username ON revision (username);

CREATE TABLE revision_entity (
    revision_id BIGINT       NOT NULL,
    entity_name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_revision_entity PRIMARY KEY (revision_id, entity_name),
    CONSTRAINT fk_revision_entity_revision FOREIGN KEY (revision_id) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_aud (
    id                  BIGINT       NOT NULL,
    rev                 BIGINT       NOT NULL,
    revtype             TINYINT,
    username            VARCHAR(60),
    full_name           VARCHAR(200),
    email               VARCHAR(254),
    password_changed_at DATETIME(6),
    enabled             BOOLEAN,
    CONSTRAINT pk_app_user_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_app_user_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user_role_aud (
    rev     BIGINT      NOT NULL,
    revtype TINYINT,
    user_id BIGINT      NOT NULL,
    role    VARCHAR(30) NOT NULL,
    CONSTRAINT pk_app_user_role_aud PRIMARY KEY (rev, user_id, role),
    CONSTRAINT fk_app_user_role_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sign-ins, failed sign-ins, lockouts and access denials, kept for the auditors.
CREATE TABLE security_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    event_type     VARCHAR(30)  NOT NULL,
    username       VARCHAR(60),
    remote_address VARCHAR(64),
    detail         VARCHAR(500),
    CONSTRAINT pk_security_event PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_security_event_occurred ON security_event (occurred_at);
CREATE INDEX ix_security_event_username ON security_event (username);
