-- Sharding by tenant (docs/scaling.md): a unique constraint on a table distributed by tenant must
-- include tenant_id. A link's token is 256 random bits and is looked up within its host's tenant,
-- so unique within the tenant guards as much as unique across all of them.
alter table client_link drop constraint client_link_token_hash_key;
alter table client_link add constraint client_link_token_hash_key unique (tenant_id, token_hash);
