-- An event dated on or before a revaluation already run (a back-dated receipt, amendment,
-- signature; a reversal or cancellation on the day of a run) changes what was outstanding at
-- that period end. The run stays as it was computed; the change is booked as an adjustment of
-- the run, dated at its period end, so that the receivable stands at the closing rate there.
CREATE TABLE revaluation_adjustment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    run_id          BIGINT        NOT NULL,
    agreement_id    BIGINT        NOT NULL,
    cause           VARCHAR(40)   NOT NULL,
    cause_id        BIGINT        NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    outstanding     DECIMAL(19,4) NOT NULL,
    period_end_rate DECIMAL(19,8) NOT NULL,
    rate_date       DATE          NOT NULL,
    revalued_usd    DECIMAL(19,4) NOT NULL,
    booked_usd      DECIMAL(19,4) NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_revaluation_adjustment PRIMARY KEY (id),
    CONSTRAINT fk_revaluation_adjustment_run FOREIGN KEY (run_id) REFERENCES revaluation_run (id),
    CONSTRAINT fk_revaluation_adjustment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_revaluation_adjustment_run ON revaluation_adjustment (run_id);

-- The rate a run took for each currency of the agreements then in the books, whether or not it
-- revalued one of them: an adjustment made later revalues at that rate, not at a rate dated on
-- or before the period end and entered since.
CREATE TABLE revaluation_rate (
    run_id          BIGINT        NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    period_end_rate DECIMAL(19,8) NOT NULL,
    rate_date       DATE          NOT NULL,
    CONSTRAINT pk_revaluation_rate PRIMARY KEY (run_id, currency),
    CONSTRAINT fk_revaluation_rate_run FOREIGN KEY (run_id) REFERENCES revaluation_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
