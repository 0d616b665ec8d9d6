-- Which node runs each VIM's watch, survey and monitors (io.nfvflow.engine.vim.VimLeases): one row
-- per VIM, renewed by its holder; another node takes it once expires_at (the database's clock, in
-- epoch milliseconds) has passed. Portable SQL: H2 and PostgreSQL.
create table nfv_vim_lease (
    vim_id varchar(255) not null,
    holder varchar(255) not null,
    expires_at bigint not null,
    taken_at bigint not null,
    primary key (vim_id)
);
