-- When a toolkit's token last called its tools (the gateway's introspection of it), to the minute: shown in the token
-- list, so that an owner sees which agents still use their tokens before revoking one.
ALTER TABLE toolkit_tokens ADD COLUMN last_used_at timestamptz;
