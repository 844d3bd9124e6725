-- A password an administrator reset is temporary: its holder changes it before anything else.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user_aud ADD COLUMN password_change_required BOOLEAN;
