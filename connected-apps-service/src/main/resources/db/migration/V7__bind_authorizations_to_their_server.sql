-- An authorization request remembers the authorization server it went to (RFC 9700 §4.4): the issuer an `iss` in
-- the answer must name (RFC 9207; null when the auth config names none) and the token URL the code may go to. A
-- request started before this migration has neither and cannot be completed: its user starts connecting again.
ALTER TABLE authorizations ADD COLUMN issuer text;
ALTER TABLE authorizations ADD COLUMN token_url text NOT NULL DEFAULT '';
ALTER TABLE authorizations ALTER COLUMN token_url DROP DEFAULT;
-- No verifier where the provider's documentation rules PKCE out (the catalog's `pkce: never`).
ALTER TABLE authorizations ALTER COLUMN code_verifier DROP NOT NULL;
