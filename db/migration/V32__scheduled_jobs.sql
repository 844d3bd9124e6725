-- Scheduled jobs run on one instance at a time: ShedLock's lock row per job (its own columns).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each run of a job by the instance that held its lock: when, how long, how it ended.
CREATE TABLE job_run (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    job         VARCHAR(64)   NOT NULL,
    instance    VARCHAR(255)  NOT NULL,
    started_at  DATETIME(6)   NOT NULL,
    finished_at DATETIME(6)   NOT NULL,
    outcome     VARCHAR(10)   NOT NULL,
    detail      VARCHAR(500),
    CONSTRAINT pk_job_run PRIMARY KEY (id),
    CONSTRAINT ck_job_run_outcome CHECK (outcome IN ('DONE', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_job_run_job ON job_run (job, started_at);
