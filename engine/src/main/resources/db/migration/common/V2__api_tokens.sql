-- API tokens (POST /identity/v3/auth/tokens): only the SHA-256 (hex) of each token is stored.
-- Matches io.nfvflow.engine.security.ApiTokenEntity. Portable SQL: H2 and PostgreSQL.
create table nfv_api_token (
    token_hash varchar(64) not null,
    user_id varchar(64) not null,
    issued_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    revoked_at timestamp(6) with time zone,
    primary key (token_hash)
);

create index ix_nfv_api_token_expires on nfv_api_token (expires_at);
