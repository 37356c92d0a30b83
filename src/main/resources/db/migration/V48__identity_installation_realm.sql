-- Operators become accounts of the installation realm: rows of the same identity tables as every
-- tenant's users, under the nil UUID, the id the audit trail already uses for the operator's
-- stream. The tenant policy every one of those tables has then keeps the realms apart: an
-- operator's rows are seen only in a transaction set to the installation realm, which holds no
-- tenant's rows, and never in a tenant's transaction (docs/identity.md, "Realms").
--
-- The installation realm is no tenant, so an account's reference to its tenant leaves it out.
alter table user_account drop constraint user_account_tenant_id_fkey;
alter table user_account add column tenant_ref uuid
    generated always as (nullif(tenant_id, '00000000-0000-0000-0000-000000000000')) stored
    references tenant (id);

-- Existing operators move over with their passwords, second factors, links and sessions. Their
-- authenticator secrets stay sealed as they were, under the master key (TotpSecrets).
do $$
declare
    installation constant uuid := '00000000-0000-0000-0000-000000000000';
begin
    perform set_config('app.tenant_id', installation::text, true);
    insert into user_account (tenant_id, id, email, display_name, status, created_at, password_hash,
                              failed_attempts, lock_count, locked_until)
        select installation, id, email, 'Operator', status, created_at, password_hash,
               failed_attempts, lock_count, locked_until
        from operator_account;
    insert into password_history (tenant_id, user_id, changed_at, password_hash)
        select installation, id, created_at, password_hash from operator_account where password_hash is not null;
    insert into account_setup_token (tenant_id, token_hash, user_id, purpose, expires_at, used_at)
        select installation, token_hash, operator_id, 'SETUP', expires_at, used_at from operator_setup_token;
    insert into user_session (tenant_id, token_hash, user_id, created_at, last_used_at, expires_at, revoked_at,
                              verified_at)
        select installation, token_hash, operator_id, created_at, last_used_at, expires_at, revoked_at, created_at
        from operator_session;
    insert into totp_factor (tenant_id, user_id, secret, created_at, confirmed_at, last_used_step)
        select installation, operator_id, secret, created_at, confirmed_at, last_used_step from operator_totp;
    insert into sign_in_challenge (tenant_id, token_hash, user_id, expires_at, used_at)
        select installation, token_hash, operator_id, expires_at, used_at from operator_challenge;
    perform set_config('app.tenant_id', '', true);
end
$$;

drop table operator_challenge, operator_totp, operator_session, operator_setup_token, operator_account;
