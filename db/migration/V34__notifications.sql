-- What the application tells a user (a reminder of overdue instalments, a donor report due, the
-- month-end): the message as a key and typed arguments, so that it reads in the reader's language.
CREATE TABLE notification (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    username     VARCHAR(60)   NOT NULL,
    kind         VARCHAR(30)   NOT NULL,
    message_key  VARCHAR(100)  NOT NULL,
    message_args VARCHAR(2000) NOT NULL,
    link         VARCHAR(300),
    created_at   DATETIME(6)   NOT NULL,
    read_at      DATETIME(6),
    emailed_at   DATETIME(6),
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT ck_notification_kind CHECK (kind IN ('OVERDUE_INSTALMENTS', 'REPORT_DUE', 'MONTH_END'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_user ON notification (username, read_at, id);

-- Each user's choice: the language of their e-mails, and the kinds they do not want by e-mail
-- (comma-separated; every kind reaches them in the application whatever they choose).
CREATE TABLE notification_preference (
    username  VARCHAR(60)  NOT NULL,
    language  VARCHAR(8)   NOT NULL,
    email_off VARCHAR(300) NOT NULL,
    CONSTRAINT pk_notification_preference PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
