-- Pledges (announced, not binding) and period-end revaluation runs of open receivables.
CREATE TABLE pledge (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    donor_id       BIGINT        NOT NULL,
    pledged_on     DATE          NOT NULL,
    amount         DECIMAL(19,4) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    rate           DECIMAL(19,8) NOT NULL,
    rate_date      DATE          NOT NULL,
    usd_amount     DECIMAL(19,4) NOT NULL,
    funding_window VARCHAR(40),
    note           VARCHAR(500),
    agreement_id   BIGINT,
    version        BIGINT        NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(60)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_pledge PRIMARY KEY (id),
    CONSTRAINT fk_pledge_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_pledge_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_pledge_donor ON pledge (donor_id);

CREATE TABLE pledge_aud (
    id             BIGINT        NOT NULL,
    rev            BIGINT        NOT NULL,
    revtype        TINYINT,
    donor_id       BIGINT,
    pledged_on     DATE,
    amount         DECIMAL(19,4),
    currency       VARCHAR(3),
    rate           DECIMAL(19,8),
    rate_date      DATE,
    usd_amount     DECIMAL(19,4),
    funding_window VARCHAR(40),
    note           VARCHAR(500),
    agreement_id   BIGINT,
    CONSTRAINT pk_pledge_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_pledge_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revaluation_run (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    period_end    DATE          NOT NULL,
    gain_loss_usd DECIMAL(19,4) NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(60)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    updated_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_revaluation_run PRIMARY KEY (id),
    CONSTRAINT uk_revaluation_run_period UNIQUE (period_end)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revaluation_line (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    run_id             BIGINT        NOT NULL,
    agreement_id       BIGINT        NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    outstanding        DECIMAL(19,4) NOT NULL,
    recognition_rate   DECIMAL(19,8) NOT NULL,
    usd_at_recognition DECIMAL(19,4) NOT NULL,
    period_end_rate    DECIMAL(19,8) NOT NULL,
    rate_date          DATE          NOT NULL,
    revalued_usd       DECIMAL(19,4) NOT NULL,
    gain_loss_usd      DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_revaluation_line PRIMARY KEY (id),
    CONSTRAINT fk_revaluation_line_run FOREIGN KEY (run_id) REFERENCES revaluation_run (id),
    CONSTRAINT fk_revaluation_line_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_revaluation_line_run ON revaluation_line (run_id);
