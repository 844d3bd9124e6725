-- Maker-checker (UN Financial Regulations and Rules: the officer who records a financial
-- transaction is not the one who approves it). An administrator chooses per action whether it
-- needs a second person, and above what USD amount (no amount: always). Every action starts off;
-- the demo data turns receipts above USD 100,000 on. Actions put under maker-checker later add
-- their row in their own migration.
CREATE TABLE approval_policy (
    action        VARCHAR(40)   NOT NULL,
    required      BOOLEAN       NOT NULL,
    threshold_usd DECIMAL(19,2),
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(60)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    updated_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_approval_policy PRIMARY KEY (action),
    CONSTRAINT ck_approval_policy_threshold CHECK (threshold_usd IS NULL OR threshold_usd >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE approval_policy_aud (
    action        VARCHAR(40)   NOT NULL,
    rev           BIGINT        NOT NULL,
    revtype       TINYINT,
    required      BOOLEAN,
    threshold_usd DECIMAL(19,2),
    CONSTRAINT pk_approval_policy_aud PRIMARY KEY (action, rev),
    CONSTRAINT fk_approval_policy_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('RECEIPT', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('REFUND', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('RECEIPT_REVERSAL', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');

-- A maker's record awaiting a second person. What was asked is kept as the command's JSON
-- (payload) and booked only on approval, by the same code that books it directly: until then it
-- posts nothing and changes no balance. open_key is the duplicate key while pending and NULL once
-- decided, so that the unique index refuses a second pending record of the same thing only.
CREATE TABLE approval_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    action          VARCHAR(40)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    subject_type    VARCHAR(40)   NOT NULL,
    subject_id      BIGINT,
    subject_label   VARCHAR(200)  NOT NULL,
    summary         VARCHAR(500)  NOT NULL,
    amount_usd      DECIMAL(19,2),
    payload         LONGTEXT      NOT NULL,
    open_key        VARCHAR(255),
    made_by         VARCHAR(60)   NOT NULL,
    made_at         DATETIME(6)   NOT NULL,
    decided_by      VARCHAR(60),
    decided_at      DATETIME(6),
    decision_reason VARCHAR(500),
    result_ref      VARCHAR(100),
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_approval_request PRIMARY KEY (id),
    CONSTRAINT uk_approval_request_open UNIQUE (open_key),
    CONSTRAINT ck_approval_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_approval_request_status ON approval_request (status, made_at);
CREATE INDEX ix_approval_request_subject ON approval_request (subject_type, subject_id, status);

CREATE TABLE approval_request_aud (
    id              BIGINT        NOT NULL,
    rev             BIGINT        NOT NULL,
    revtype         TINYINT,
    action          VARCHAR(40),
    status          VARCHAR(20),
    subject_type    VARCHAR(40),
    subject_id      BIGINT,
    subject_label   VARCHAR(200),
    summary         VARCHAR(500),
    amount_usd      DECIMAL(19,2),
    made_by         VARCHAR(60),
    made_at         DATETIME(6),
    decided_by      VARCHAR(60),
    decided_at      DATETIME(6),
    decision_reason VARCHAR(500),
    result_ref      VARCHAR(100),
    CONSTRAINT pk_approval_request_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_approval_request_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
