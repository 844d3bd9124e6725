-- The income side: pledges, contribution agreements with their instalment schedules and
-- amendments, receipts (and their reversals), refunds and period-end revaluations.

CREATE TABLE agreement (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    reference             VARCHAR(60)   NOT NULL,
    donor_id              BIGINT        NOT NULL,
    currency              VARCHAR(3)    NOT NULL,
    total_amount          DECIMAL(19,4) NOT NULL,
    funding_window        VARCHAR(40)   NOT NULL,
    pni_institute         VARCHAR(100),
    earmark_level         INT           NOT NULL,
    earmark_kind          VARCHAR(20),
    earmark_target        VARCHAR(100),
    psc_rate              DECIMAL(5,4)  NOT NULL,
    psc_approval_ref      VARCHAR(100),
    conditional_terms     BOOLEAN       NOT NULL,
    period_start          DATE,
    period_end            DATE,
    signed_on             DATE,
    recognised_usd        DECIMAL(19,4),
    recognition_rate      DECIMAL(19,8),
    recognition_rate_date DATE,
    cancelled_on          DATE,
    closed_on             DATE,
    schedule_number       INT           NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    created_at            DATETIME(6)   NOT NULL,
    created_by            VARCHAR(60)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    updated_by            VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_agreement PRIMARY KEY (id),
    CONSTRAINT uk_agreement_reference UNIQUE (reference),
    CONSTRAINT fk_agreement_donor FOREIGN KEY (donor_id) REFERENCES donor (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agreement_donor ON agreement (donor_id);

CREATE TABLE agreement_aud (
    id                    BIGINT        NOT NULL,
    rev                   BIGINT        NOT NULL,
    revtype               TINYINT,
    reference             VARCHAR(60),
    donor_id              BIGINT,
    currency              VARCHAR(3),
    total_amount          DECIMAL(19,4),
    funding_window        VARCHAR(40),
    pni_institute         VARCHAR(100),
    earmark_level         INT,
    earmark_kind          VARCHAR(20),
    earmark_target        VARCHAR(100),
    psc_rate              DECIMAL(5,4),
    psc_approval_ref      VARCHAR(100),
    conditional_terms     BOOLEAN,
    period_start          DATE,
    period_end            DATE,
    signed_on             DATE,
    recognised_usd        DECIMAL(19,4),
    recognition_rate      DECIMAL(19,8),
    recognition_rate_date DATE,
    cancelled_on          DATE,
    closed_on             DATE,
    schedule_number       INT,
    CONSTRAINT pk_agreement_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_agreement_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every schedule an agreement ever had: amendments add a new schedule_number, never overwrite.
CREATE TABLE instalment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id    BIGINT        NOT NULL,
    schedule_number INT           NOT NULL,
    due_on          DATE          NOT NULL,
    amount          DECIMAL(19,4) NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_instalment PRIMARY KEY (id),
    CONSTRAINT fk_instalment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_instalment_agreement ON instalment (agreement_id, schedule_number, due_on);
CREATE INDEX ix_instalment_due ON instalment (due_on);

CREATE TABLE instalment_aud (
    id              BIGINT        NOT NULL,
    rev             BIGINT        NOT NULL,
    revtype         TINYINT,
    agreement_id    BIGINT,
    schedule_number INT,
    due_on          DATE,
    amount          DECIMAL(19,4),
    CONSTRAINT pk_instalment_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_instalment_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE amendment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id    BIGINT        NOT NULL,
    amended_on      DATE          NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    previous_total  DECIMAL(19,4) NOT NULL,
    new_total       DECIMAL(19,4) NOT NULL,
    schedule_number INT           NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_amendment PRIMARY KEY (id),
    CONSTRAINT fk_amendment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE amendment_aud (
    id              BIGINT        NOT NULL,
    rev             BIGINT        NOT NULL,
    revtype         TINYINT,
    agreement_id    BIGINT,
    amended_on      DATE,
    reason          VARCHAR(500),
    previous_total  DECIMAL(19,4),
    new_total       DECIMAL(19,4),
    schedule_number INT,
    CONSTRAINT pk_amendment_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_amendment_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cash received. Never edited: a mistake is undone by a reversal row (negative amounts,
-- reversal_of pointing at the original) with a reason.
CREATE TABLE receipt (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id          BIGINT        NOT NULL,
    received_on           DATE          NOT NULL,
    amount                DECIMAL(19,4) NOT NULL,
    currency              VARCHAR(3)    NOT NULL,
    rate                  DECIMAL(19,8) NOT NULL,
    rate_date             DATE          NOT NULL,
    usd_amount            DECIMAL(19,4) NOT NULL,
    agreement_amount      DECIMAL(19,4) NOT NULL,
    agreement_rate        DECIMAL(19,8) NOT NULL,
    agreement_rate_date   DATE          NOT NULL,
    bank_reference        VARCHAR(100),
    note                  VARCHAR(500),
    overpayment           BOOLEAN       NOT NULL,
    reversal_of           BIGINT,
    reason                VARCHAR(500),
    version               BIGINT        NOT NULL DEFAULT 0,
    created_at            DATETIME(6)   NOT NULL,
    created_by            VARCHAR(60)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    updated_by            VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_receipt PRIMARY KEY (id),
    CONSTRAINT fk_receipt_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT fk_receipt_reversal FOREIGN KEY (reversal_of) REFERENCES receipt (id),
    CONSTRAINT uk_receipt_reversal UNIQUE (reversal_of)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_receipt_agreement ON receipt (agreement_id, received_on);
CREATE INDEX ix_receipt_received ON receipt (received_on);

CREATE TABLE receipt_aud (
    id                    BIGINT        NOT NULL,
    rev                   BIGINT        NOT NULL,
    revtype               TINYINT,
    agreement_id          BIGINT,
    received_on           DATE,
    amount                DECIMAL(19,4),
    currency              VARCHAR(3),
    rate                  DECIMAL(19,8),
    rate_date             DATE,
    usd_amount            DECIMAL(19,4),
    agreement_amount      DECIMAL(19,4),
    agreement_rate        DECIMAL(19,8),
    agreement_rate_date   DATE,
    bank_reference        VARCHAR(100),
    note                  VARCHAR(500),
    overpayment           BOOLEAN,
    reversal_of           BIGINT,
    reason                VARCHAR(500),
    CONSTRAINT pk_receipt_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_receipt_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refund (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id BIGINT        NOT NULL,
    refunded_on  DATE          NOT NULL,
    amount       DECIMAL(19,4) NOT NULL,
    currency     VARCHAR(3)    NOT NULL,
    rate         DECIMAL(19,8) NOT NULL,
    rate_date    DATE          NOT NULL,
    usd_amount   DECIMAL(19,4) NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    created_at   DATETIME(6)   NOT NULL,
    created_by   VARCHAR(60)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    updated_by   VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT fk_refund_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refund_aud (
    id           BIGINT        NOT NULL,
    rev          BIGINT        NOT NULL,
    revtype      TINYINT,
    agreement_id BIGINT,
    refunded_on  DATE,
    amount       DECIMAL(19,4),
    currency     VARCHAR(3),
    rate         DECIMAL(19,8),
    rate_date    DATE,
    usd_amount   DECIMAL(19,4),
    reason       VARCHAR(500),
    CONSTRAINT pk_refund_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_refund_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A replayed POST with the same Idempotency-Key returns the first response and records nothing.
CREATE TABLE idempotency_record (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    scope           VARCHAR(100)  NOT NULL,
    idem_key        VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    response_status INT,
    response_body   TEXT,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (id),
    CONSTRAINT uk_idempotency_record UNIQUE (scope, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
