-- A connect link is spent for the address bar on its first visit: the browser that opened it holds a random secret
-- in a cookie, and only the secret's SHA-256 is kept. An authorization that browser starts is bound to the same hash,
-- and its callback must come with the cookie (RFC 9700 §4.7); null for flows started through the API.
ALTER TABLE connect_sessions ADD COLUMN browser_hash text;
CREATE UNIQUE INDEX connect_sessions_by_browser ON connect_sessions (browser_hash);
ALTER TABLE authorizations ADD COLUMN browser_hash text;
